import { z } from "zod";
import { Id, Role } from "./common";
import { PersonTitle } from "./text";

export const Person = z
  .object({
    id: Id,
    name: z.string(),
    email: z.string(),
    role: Role,
    managerId: Id.nullable(),
    timeZone: z.string(),
    title: z.string().nullable(),
  })
  .meta({ id: "Person" });
export type Person = z.infer<typeof Person>;

export const UpdatePerson = z.strictObject({
  managerId: Id.nullable().optional(),
  role: Role.optional(),
  title: PersonTitle.nullable().optional(),
});
export type UpdatePerson = z.infer<typeof UpdatePerson>;
