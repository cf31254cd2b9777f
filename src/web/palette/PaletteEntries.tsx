import { Mark, VisuallyHidden } from "@mantine/core";
import { IconListCheck, IconSend, IconTarget, IconUser } from "@tabler/icons-react";
import type { ReactNode } from "react";
import type { SearchKind, SearchResult } from "../../contract";
import classes from "./CommandPalette.module.css";
import { type SnippetPart, snippetParts } from "./snippet";

const KINDS: Record<SearchKind, { name: string; icon: ReactNode }> = {
  task: { name: "Task", icon: <IconListCheck size={18} aria-hidden /> },
  person: { name: "Person", icon: <IconUser size={18} aria-hidden /> },
  request: { name: "Request", icon: <IconSend size={18} aria-hidden /> },
  goal: { name: "Goal", icon: <IconTarget size={18} aria-hidden /> },
};

/** A snippet with the words found marked: text only, whatever it holds is never read as HTML. */
function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.found ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one snippet never reorder.
          <Mark key={index} className={classes.found}>
            {part.text}
          </Mark>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/**
 * One search result: what it is, its title, where the words were found (in the title itself when
 * they were found there), and whose plate it is on when not mine.
 */
export function ResultEntry({ result, ownerName }: { result: SearchResult; ownerName: string | null }) {
  const kind = KINDS[result.kind];
  const parts = snippetParts(result.snippet);
  const inTitle = parts.map((part) => part.text).join("") === result.title;
  return (
    <span className={classes.entry}>
      <span className={classes.icon}>{kind.icon}</span>
      <span className={classes.body}>
        <span className={classes.title} style={{ display: "block" }}>
          <VisuallyHidden>{kind.name}: </VisuallyHidden>
          {inTitle ? <Snippet parts={parts} /> : result.title}
        </span>
        {!inTitle && parts.length > 0 && (
          <span className={classes.detail} style={{ display: "block" }}>
            <Snippet parts={parts} />
          </span>
        )}
      </span>
      {ownerName && <span className={classes.owner}>on {ownerName}'s plate</span>}
    </span>
  );
}

/** One command: its icon and what it does. */
export function CommandEntry({ icon, label }: { icon: ReactNode; label: string }) {
  return (
    <span className={classes.entry}>
      <span className={classes.icon}>{icon}</span>
      <span className={`${classes.body} ${classes.title}`}>{label}</span>
    </span>
  );
}
