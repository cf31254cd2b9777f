import { SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import classes from "./MailPreview.module.css";

interface MailPreviewProps {
  /** Names the message for assistive technology: "Your next digest". */
  label: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * An e-mail as it would be read: the subject, then its plain-text part or its HTML part. The HTML
 * is shown in a frame sandboxed to nothing (no scripts, no forms, no same origin), styled only by
 * its own inline styles, which the page's Content-Security-Policy allows.
 */
export function MailPreview({ label, subject, text, html }: MailPreviewProps) {
  const [part, setPart] = useState<"text" | "html">("text");
  return (
    <Stack gap="sm">
      <Text size="sm">
        <Text span c="dimmed" inherit>
          Subject:{" "}
        </Text>
        <Text span fw={600} inherit>
          {subject}
        </Text>
      </Text>
      <SegmentedControl
        aria-label={`How to show ${label}`}
        value={part}
        onChange={(value) => setPart(value === "html" ? "html" : "text")}
        data={[
          { value: "text", label: "Plain text" },
          { value: "html", label: "As e-mailed (HTML)" },
        ]}
        w="fit-content"
        size="xs"
      />
      {part === "text" ? (
        <pre className={classes.text}>{text}</pre>
      ) : (
        <iframe className={classes.frame} sandbox="" srcDoc={html} title={`${label}, as e-mailed`} />
      )}
    </Stack>
  );
}
