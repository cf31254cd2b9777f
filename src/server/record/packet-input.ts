/** What every rendering of a review packet is made from. */
import type { Record } from "../../contract/record";

export interface PacketInput {
  record: Record;
  person: { name: string; title: string | null; email: string };
  /** Person id to name, for requesters; ids missing from it are people no longer in the organization. */
  names: ReadonlyMap<string, string>;
  /** When the packet was made, an instant. */
  generatedAt: string;
}
