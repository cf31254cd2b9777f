import { openDatabase } from "../src/server/db/connect";
import { organizationId, personId } from "./seed";

/**
 * Signs up through the real route, then sits the new account above the organization's owner, so it
 * is in the management chain of every plate (a skip-level manager's view), and makes a token.
 */
export async function benchManager(base: string, url: string): Promise<string> {
  const headers = { "content-type": "application/json", origin: base };
  const signUp = await fetch(`${base}/api/auth/sign-up/email`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      name: "Bench Manager",
      email: "bench@bench.example",
      password: "measured and repeatable",
    }),
  });
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status} ${await signUp.text()}`);
  const { user } = (await signUp.json()) as { user: { id: string } };
  const cookie = signUp.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const database = openDatabase(url);
  await database.db
    .updateTable("person")
    .set({ organization_id: organizationId, role: "member" })
    .where("id", "=", user.id)
    .execute();
  await database.db
    .updateTable("person")
    .set({ manager_id: user.id })
    .where("id", "=", personId(0))
    .execute();
  await database.close();
  const created = await fetch(`${base}/api/v1/tokens`, {
    method: "POST",
    headers: { ...headers, cookie },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = (await created.json()) as { token: string };
  return token;
}
