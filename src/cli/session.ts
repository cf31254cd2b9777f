import { listOf } from "../contract/common";
import { Me } from "../contract/me";
import { Person } from "../contract/people";
import { Api } from "./api";
import type { PersonSpec } from "./args";
import { loadCredentials } from "./config";
import { failure } from "./errors";

/** A person as commands name and show them: their id, name and zone. */
export interface Someone {
  id: string;
  name: string;
  timeZone: string;
}

const People = listOf(Person);

/** One run's connection to the server, with the caller and the directory read at most once. */
export class Session {
  private meRead?: Promise<Me>;
  private peopleRead?: Promise<Person[]>;

  constructor(
    readonly api: Api,
    readonly now: () => Date = () => new Date(),
  ) {}

  /** The session of the credentials configured (the environment over the config file). */
  static configured(): Session {
    return new Session(new Api(loadCredentials()));
  }

  me(): Promise<Me> {
    this.meRead ??= this.api.get("me", Me).then((answer) => answer.value);
    return this.meRead;
  }

  people(): Promise<Person[]> {
    this.peopleRead ??= this.api.get("people", People).then((answer) => answer.value.items);
    return this.peopleRead;
  }

  /** A person's name by id, from the directory; the id itself when they are not in it. */
  async namer(): Promise<(id: string) => string> {
    const byId = new Map((await this.people()).map((person) => [person.id, person.name]));
    return (id) => byId.get(id) ?? id;
  }

  /** The person PERSON names: the caller for `me`, an e-mail looked up in the directory, or an id. */
  async person(spec: PersonSpec): Promise<Someone> {
    if (spec.kind === "me") return this.me();
    if (spec.kind === "id")
      return (await this.api.get(`people/${encodeURIComponent(spec.id)}`, Person)).value;
    const email = spec.email.toLowerCase();
    const found = (await this.people()).find((person) => person.email.toLowerCase() === email);
    if (!found) throw failure(`nobody in your organization has the e-mail ${spec.email}`);
    return found;
  }

  /** Only the id PERSON names, reading no more than it needs to. */
  async personId(spec: PersonSpec): Promise<string> {
    return spec.kind === "id" ? spec.id : (await this.person(spec)).id;
  }
}
