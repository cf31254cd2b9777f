import { useState } from "react";
import { LimitedTextarea } from "../components/LimitedTextarea";
import { textProblem } from "../components/textLimits";

interface TitleInputProps {
  name: string;
  title: string | null;
  onSave: (title: string | null) => void;
  error: string | null;
  pending: boolean;
}

/**
 * Edits a person's title in place: saved on Enter or when focus leaves, Escape puts it back. A long
 * title wraps onto more lines rather than being cut at the column's edge; one past the limit stays as
 * typed, says how much to take out, and is not saved until it fits.
 */
export function TitleInput({ name, title, onSave, error, pending }: TitleInputProps) {
  const [draft, setDraft] = useState(title ?? "");
  const [savedTitle, setSavedTitle] = useState(title);
  if (title !== savedTitle) {
    // The server's title changed (this save, or someone else's): show it, keeping focus in place.
    setSavedTitle(title);
    setDraft(title ?? "");
  }
  const commit = () => {
    const next = draft.trim() || null;
    if (!pending && next !== title && !textProblem("personTitle", draft)) onSave(next);
  };
  return (
    <LimitedTextarea
      kind="personTitle"
      aria-label={`Title of ${name}`}
      placeholder="Add a title"
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value.replace(/[\r\n]+/g, " "))}
      onBlur={commit}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          // A title is one line: Enter saves it.
          event.preventDefault();
          commit();
        }
        if (event.key === "Escape") setDraft(title ?? "");
      }}
      error={error}
      readOnly={pending}
      autosize
      minRows={1}
      maxRows={4}
      miw={200}
    />
  );
}
