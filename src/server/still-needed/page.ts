import { escapeHtml } from "../../core/digest-render";

/** A small self-contained page for the one action a "still needed?" link does: no sign-in, no script. */
export function stillNeededPage(input: {
  heading: string;
  message: string;
  /** The form that does the action, when it can still be done. */
  action?: { label: string; danger: boolean };
  link: { label: string; href: string };
}): string {
  const button = input.action
    ? `<form method="post"><button type="submit" class="${input.action.danger ? "danger" : ""}">${escapeHtml(input.action.label)}</button></form>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${escapeHtml(input.heading)} · Docket</title>
<style>
body{font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;background:#f6f8fa;margin:0;display:flex;min-height:100vh;align-items:center;justify-content:center}
main{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:28px 32px;max-width:460px;box-shadow:0 1px 3px rgba(0,0,0,.06)}
h1{font-size:20px;margin:0 0 12px}p{line-height:1.5}
button{font-size:15px;padding:8px 18px;border-radius:6px;border:1px solid #1c7ed6;background:#1c7ed6;color:#fff;cursor:pointer}
button.danger{border-color:#e03131;background:#e03131}a{color:#1c7ed6}
</style></head>
<body><main><h1>${escapeHtml(input.heading)}</h1><p>${escapeHtml(input.message)}</p>${button}
<p><a href="${escapeHtml(input.link.href)}">${escapeHtml(input.link.label)}</a></p></main></body></html>
`;
}
