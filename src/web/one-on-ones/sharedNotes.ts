/**
 * What a save of the shared notes does after a refusal for a stale version: the meeting may have
 * changed in another way (a talking point, its state) while the notes stayed as they were read, and
 * then the save goes again at the new version; when the notes themselves changed, it is someone
 * else's text, and the editor shows theirs and offers to put one's own back.
 */
export function afterStaleSave(readNotes: string, currentNotes: string): "resend" | "overtaken" {
  return readNotes === currentNotes ? "resend" : "overtaken";
}
