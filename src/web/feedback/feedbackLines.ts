import type { Feedback } from "../../contract";

type Names = (id: string) => string;

/** A person as the reader speaks of them: "you" for the reader. */
function who(id: string, meId: string, nameOf: Names): string {
  return id === meId ? "you" : nameOf(id);
}

/** "From Sam Peer", "From you": on a list of what one person received. */
export function fromWhom(feedback: Pick<Feedback, "fromId">, meId: string, nameOf: Names): string {
  return `From ${who(feedback.fromId, meId, nameOf)}`;
}

/** "From Sam Peer to Rita Report", "From you to Rita Report", "From Sam Peer to you". */
export function fromTo(feedback: Pick<Feedback, "fromId" | "toId">, meId: string, nameOf: Names): string {
  return `${fromWhom(feedback, meId, nameOf)} to ${who(feedback.toId, meId, nameOf)}`;
}

/**
 * Who reads a piece of feedback, said plainly from the reader's side: the two people alone, or the
 * receiver's managers too.
 */
export function readersLine(
  feedback: Pick<Feedback, "fromId" | "toId" | "visibility">,
  meId: string,
  nameOf: Names,
): string {
  if (feedback.visibility === "private") {
    // The reader first when they are one of the two, else the receiver.
    const [first, second] =
      feedback.fromId === meId ? [feedback.fromId, feedback.toId] : [feedback.toId, feedback.fromId];
    return `Only ${who(first, meId, nameOf)} and ${who(second, meId, nameOf)} read it.`;
  }
  const managers = feedback.toId === meId ? "Your managers" : `${nameOf(feedback.toId)}'s managers`;
  return `${managers} read it too.`;
}
