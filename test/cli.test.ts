import { spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Member } from "./support/factories";
import { founder, invite } from "./support/factories";
import { useHarness } from "./support/harness";
import { freePort } from "./support/processes";

/**
 * The command line run as its users run it: `bin/docket.mjs` as a child process against a real
 * server listening on a port, with its own config directory. The server runs on SQLite: the command
 * line speaks HTTP, and what it reads is the API's, tested on both databases elsewhere.
 */

const bin = fileURLToPath(new URL("../bin/docket.mjs", import.meta.url));
const esc = "\u001b";

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface Task {
  id: string;
  title: string;
  state: string;
  position: number | null;
  version: number;
  dropReason: string | null;
}

/** A fresh home directory (HOME and XDG_CONFIG_HOME inside it): nobody logged in. */
const homes: string[] = [];
function freshHome(): string {
  const home = mkdtempSync(join(tmpdir(), "docket-cli-home-"));
  homes.push(home);
  return home;
}
const configDir = (home: string) => join(home, "config", "docket");

/** Secrets no output may ever show: every token the test hands the command line. */
const secrets: string[] = [];

/** Runs `docket ARGS` as a child process and checks what no run may do: a stack trace, a token. */
async function docket(
  args: string[],
  options: { home?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  const home = options.home ?? freshHome();
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    TZ: process.env.TZ ?? "",
    HOME: home,
    XDG_CONFIG_HOME: join(home, "config"),
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    ...options.env,
  };
  const run = await new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (status) => resolve({ status, stdout, stderr }));
  });
  const said = `docket ${args.join(" ")}\nstdout: ${run.stdout}\nstderr: ${run.stderr}`;
  expect(run.stderr, said).not.toMatch(/^\s+at\s/m);
  for (const secret of secrets) expect(run.stdout + run.stderr, said).not.toContain(secret);
  return run;
}

/** One line on stderr, nothing on stdout, and the exit status given. */
function expectRefused(run: Run, status: 1 | 2, said: RegExp) {
  expect(run.status, run.stderr).toBe(status);
  expect(run.stdout).toBe("");
  expect(run.stderr.trimEnd().split("\n"), run.stderr).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(said);
}

/** A zone where it is midday now, so "today" and "tomorrow" hold for the whole file. */
function middayZone(now: Date): { zone: string; offsetHours: number } {
  const offsetHours = 12 - now.getUTCHours();
  if (offsetHours === 0) return { zone: "UTC", offsetHours };
  return { zone: `Etc/GMT${offsetHours > 0 ? "-" : "+"}${Math.abs(offsetHours)}`, offsetHours };
}

describe("the command line", () => {
  let race: { taskId: string; by: Member } | null = null;
  const h = useHarness("sqlite", {
    routes: (app) => {
      // Someone else changes the task while `docket done` runs: between its read and its write.
      app.addHook("onSend", async (request, _reply, payload) => {
        const raced = race;
        if (raced && request.method === "GET" && request.url === `/api/v1/tasks/${raced.taskId}`) {
          race = null;
          const task = await raced.by.client.get<Task>(`/api/v1/tasks/${raced.taskId}`);
          const started = await raced.by.client.patch(`/api/v1/tasks/${raced.taskId}`, {
            version: task.body.version,
            state: "in_progress",
          });
          expect(started.status).toBe(200);
        }
        return payload;
      });
    },
  });

  let url: string;
  let host: string;
  let olivia: Member;
  let ada: Member;
  let pat: Member;
  let oliviaToken: string;
  let adaToken: string;
  /** Olivia's config directory, where login keeps her token for the commands after it. */
  const oliviaHome = freshHome();
  const { zone, offsetHours } = middayZone(new Date());
  const localDate = (days: number) =>
    new Date(Date.now() + offsetHours * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
  const asAda = () => ({ env: { DOCKET_URL: url, DOCKET_TOKEN: adaToken } });

  const tokenOf = async (member: Member) => {
    const made = await member.client.post<{ token: string }>("/api/v1/tokens", { name: "terminal" });
    expect(made.status).toBe(201);
    secrets.push(made.body.token);
    return made.body.token;
  };
  const inZone = async (member: Member) =>
    expect((await member.client.patch("/api/v1/me", { timeZone: zone })).status).toBe(200);
  const taskOf = async (id: string) => (await olivia.client.get<Task>(`/api/v1/tasks/${id}`)).body;
  const plateOf = async (member: Member) =>
    (await olivia.client.get<{ items: Task[] }>(`/api/v1/people/${member.id}/tasks`)).body;

  beforeAll(async () => {
    await h.app.listen({ port: 0, host: "127.0.0.1" });
    const { port } = h.app.server.address() as AddressInfo;
    host = `127.0.0.1:${port}`;
    url = `http://${host}`;
    olivia = await founder(h.app, "Olivia Owner");
    ada = await invite(h.app, olivia, "Ada Lovelace", { managerId: olivia.id });
    pat = await invite(h.app, olivia, "Pat Peer");
    await Promise.all([inZone(olivia), inZone(ada)]);
    [oliviaToken, adaToken] = await Promise.all([tokenOf(olivia), tokenOf(ada)]);
  });
  afterAll(() => {
    for (const home of homes) rmSync(home, { recursive: true, force: true });
  });

  it("shows its help, and answers a usage error with status 2 and one line", async () => {
    const help = await docket(["--help"]);
    expect(help.status).toBe(0);
    for (const command of ["login", "plate", "add", "move", "done", "drop", "inbox", "request", "record"])
      expect(help.stdout).toContain(`  ${command} `);

    const task = randomUUID();
    const malformed = "dkt_secret that is\nnot one";
    secrets.push(malformed, "dkt_secret");
    const [
      none,
      unknown,
      noReason,
      badDate,
      twoPlaces,
      nowhere,
      noPeople,
      badPerson,
      badUrl,
      badToken,
      extra,
    ] = await Promise.all([
      docket([]),
      docket(["plates"]),
      docket(["drop", task]),
      docket(["add", "Plan", "--due", "2030-02-30"]),
      docket(["add", "Plan", "--top", "--after", task]),
      docket(["move", task]),
      docket(["request", "Fill in the survey"]),
      docket(["plate", "Ada Lovelace"]),
      docket(["login", "--url", "ftp://docket.example.com", "--token", "dkt_x"]),
      docket(["login", "--url", "https://docket.example.com", "--token", malformed]),
      docket(["done", task, task]),
    ]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("Usage: docket");
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe("error: unknown command 'plates'\n(Did you mean plate?)\n");
    expectRefused(noReason, 2, /required option '--reason <text>'/);
    expectRefused(badDate, 2, /'2030-02-30' is invalid\. DATE is a real date written YYYY-MM-DD/);
    expectRefused(twoPlaces, 2, /option '--top' cannot be used with option '--after <id>'/);
    expectRefused(nowhere, 2, /say where: --top, --bottom, --before ID or --after ID/);
    expectRefused(noPeople, 2, /required option '--to <people>'/);
    expectRefused(badPerson, 2, /PERSON is an id, an e-mail or me/);
    expectRefused(badUrl, 2, /URL is the server's http\(s\) base address/);
    expectRefused(badToken, 2, /^error: TOKEN is not a personal access token$/);
    expectRefused(extra, 2, /too many arguments/);
  });

  it("says how to log in when no token is configured", async () => {
    expectRefused(
      await docket(["plate"]),
      1,
      /^error: not logged in: run docket login --url URL --token TOKEN/,
    );
  });

  it("refuses a token the server does not know without showing it, and keeps nothing", async () => {
    const bogus = `dkt_${randomBytes(32).toString("base64url")}`;
    secrets.push(bogus);
    const home = freshHome();
    const login = await docket(["login", "--url", url, "--token", bogus], { home });
    expectRefused(login, 1, /This token is not valid/);
    expect(existsSync(configDir(home))).toBe(false);

    const envToken = await docket(["plate"], { env: { DOCKET_URL: url, DOCKET_TOKEN: bogus } });
    expectRefused(envToken, 1, /This token is not valid/);
  });

  it("logs in: checks the token, then keeps it 0600 in a 0700 directory", async () => {
    const login = await docket(["login", "--url", `${url}/`, "--token", oliviaToken], { home: oliviaHome });
    expect(login.status, login.stderr).toBe(0);
    expect(login.stdout).toContain(`Logged in to ${host} as Olivia Owner <${olivia.email}>.`);
    const file = join(configDir(oliviaHome), "config.json");
    expect(login.stdout).toContain(file);
    expect(statSync(configDir(oliviaHome)).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toEqual({ url, token: oliviaToken });

    const json = await docket(["login", "--url", url, "--token", adaToken, "--json"]);
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual((await ada.client.get("/api/v1/me")).body);
  });

  it("names the host it cannot reach, from the environment over the config file", async () => {
    const closed = `127.0.0.1:${await freePort()}`;
    const down = await docket(["plate"], { home: oliviaHome, env: { DOCKET_URL: `http://${closed}` } });
    expectRefused(down, 1, new RegExp(`^error: cannot reach ${closed}: connection refused$`));
    const login = await docket(["login", "--url", `http://${closed}`, "--token", oliviaToken]);
    expectRefused(login, 1, new RegExp(`cannot reach ${closed}`));
  });

  it("adds tasks: to my plate with a due and a place, to a report's, into a peer's triage", async () => {
    const first = await docket(["add", "Write the quarterly report", "--due", localDate(1)], {
      home: oliviaHome,
    });
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toMatch(
      /^Added “Write the quarterly report” to your plate at #1, due tomorrow \(\S+\)\n$/,
    );

    const longTitle = `Prepare the offsite agenda ${"with every team's topics ".repeat(4)}`.trim();
    const long = await docket(["add", longTitle, "--top", "--json"], { home: oliviaHome });
    expect(long.status, long.stderr).toBe(0);
    const added = JSON.parse(long.stdout) as Task;
    expect(added).toEqual(await taskOf(added.id));
    expect(added).toMatchObject({ title: longTitle, position: 1 });

    const [forAda, forPat] = await Promise.all([
      docket(["add", "Review the design", "--for", ada.email.toUpperCase(), "--due", localDate(0)], {
        home: oliviaHome,
      }),
      docket(["add", "Check the numbers", "--for", pat.id], { home: oliviaHome }),
    ]);
    expect(forAda.stdout).toMatch(/^Added “Review the design” to Ada Lovelace's plate at #1, due today \(/);
    expect(forPat.stdout).toMatch(/^Asked Pat Peer for “Check the numbers”: it waits in their triage \(/);
    expect((await plateOf(ada)).items.map((task) => task.title)).toEqual(["Review the design"]);
  });

  it("shows a plate in order, fitted to 80 columns, with dues relative in the owner's zone", async () => {
    const add = async (title: string, extra: Record<string, unknown>) =>
      expect(
        (await olivia.client.post(`/api/v1/people/${olivia.id}/tasks`, { title, ...extra })).status,
      ).toBe(201);
    await add("Fix the release build", { due: { date: localDate(-2) }, urgent: true });
    await add("Plan the next quarter", { due: { date: localDate(10) } });

    const plate = await docket(["plate"], { home: oliviaHome });
    expect(plate.status, plate.stderr).toBe(0);
    expect(plate.stdout).not.toContain(esc);
    const [header, ...body] = plate.stdout.trimEnd().split("\n");
    // What falls in this week depends on the weekday: "due this week" is the API's count, not checked here.
    expect(header).toMatch(/^Olivia Owner's plate: 4 open tasks, \d due this week, 1 overdue$/);
    for (const line of body) expect(line.length).toBeLessThanOrEqual(80);
    // An urgent task goes to the top. On 80 columns each id has a line of its own, under the title.
    const rows = body.filter((_, at) => at % 2 === 0);
    const ids = body.filter((_, at) => at % 2 === 1);
    expect(ids).toEqual((await plateOf(olivia)).items.map((task) => `   ${task.id}`));
    expect(rows).toEqual([
      expect.stringMatching(/^1 {2}Fix the release build {2,}2 days overdue {2}urgent$/),
      expect.stringMatching(/^2 {2}Prepare the offsite agenda with every team's topics…$/),
      expect.stringMatching(/^3 {2}Write the quarterly report {2,}tomorrow$/),
      expect.stringMatching(new RegExp(`^4 {2}Plan the next quarter {2,}${localDate(10)}$`)),
    ]);
    expect(rows[2]?.indexOf("tomorrow")).toBe(rows[0]?.indexOf("2 days overdue"));

    const [json, adas, me] = await Promise.all([
      docket(["plate", "--json"], { home: oliviaHome }),
      docket(["plate", ada.email], { home: oliviaHome }),
      docket(["plate", "me"], { home: oliviaHome }),
    ]);
    expect(JSON.parse(json.stdout)).toEqual(
      (await olivia.client.get(`/api/v1/people/${olivia.id}/tasks`)).body,
    );
    expect(adas.stdout).toMatch(
      /^Ada Lovelace's plate: 1 open task, \d due this week, 0 overdue\n1 {2}Review the design\s+today\s/,
    );
    expect(me.stdout).toBe(plate.stdout);
  });

  it("colours a plate on a terminal, unless NO_COLOR is set", async () => {
    const onTerminal = (env: Record<string, string>) =>
      new Promise<string>((resolve, reject) => {
        // `script` gives the command line a pseudo-terminal for its stdout; the token stays in the environment.
        const child = spawn("script", ["-qec", `"${process.execPath}" "${bin}" plate`, "/dev/null"], {
          env: {
            PATH: process.env.PATH ?? "",
            HOME: freshHome(),
            DOCKET_URL: url,
            DOCKET_TOKEN: oliviaToken,
            ...env,
          },
          stdio: ["ignore", "pipe", "pipe"],
        });
        let out = "";
        child.stdout.on("data", (chunk) => {
          out += chunk;
        });
        child.on("error", reject);
        child.on("close", (status) =>
          status === 0 ? resolve(out) : reject(new Error(`script: ${status} ${out}`)),
        );
      });
    const [coloured, plain] = await Promise.all([onTerminal({}), onTerminal({ NO_COLOR: "1" })]);
    expect(coloured).toContain(`${esc}[31m`);
    expect(coloured).toContain("2 days overdue");
    expect(plain).not.toContain(esc);
    expect(plain).toContain("2 days overdue");
  });

  it("moves a task, and answers a task it cannot see with status 1", async () => {
    const [top, second] = (await plateOf(olivia)).items;
    if (!top || !second) throw new Error("the plate has at least two tasks");
    const moved = await docket(["move", top.id, "--bottom"], { home: oliviaHome });
    expect(moved.status, moved.stderr).toBe(0);
    expect(moved.stdout).toBe(`Moved “${top.title}” to #4 (${top.id})\n`);
    const json = await docket(["move", top.id, "--after", second.id, "--json"], { home: oliviaHome });
    expect(JSON.parse(json.stdout)).toEqual(await taskOf(top.id));
    expect((await plateOf(olivia)).items.slice(0, 2).map((task) => task.id)).toEqual([second.id, top.id]);

    const missing = await docket(["move", randomUUID(), "--top"], { home: oliviaHome });
    expectRefused(missing, 1, /^error: Task does not exist or is not visible to you/);
  });

  it("marks a task done with its current version, and explains a conflict in one line", async () => {
    const { items } = await plateOf(olivia);
    const first = items.find((task) => task.title === "Write the quarterly report");
    const second = items.find((task) => task.title.startsWith("Prepare the offsite agenda"));
    if (!first || !second) throw new Error("both tasks are on the plate");
    const done = await docket(["done", first.id], { home: oliviaHome });
    expect(done.status, done.stderr).toBe(0);
    expect(done.stdout).toBe(`Done: “${first.title}” (${first.id})\n`);
    expect((await taskOf(first.id)).state).toBe("done");

    race = { taskId: second.id, by: olivia };
    const raced = await docket(["done", second.id], { home: oliviaHome });
    expect(race).toBeNull();
    expectRefused(
      raced,
      1,
      new RegExp(
        `^error: “${second.title}” was changed by someone else while this ran; it is now in progress:`,
      ),
    );
    expect((await taskOf(second.id)).state).toBe("in_progress");

    expectRefused(await docket(["done", randomUUID()], { home: oliviaHome }), 1, /does not exist/);
  });

  it("drops a task with its reason", async () => {
    const [first] = (await plateOf(olivia)).items;
    if (!first) throw new Error("the plate has a task");
    const dropped = await docket(["drop", first.id, "--reason", "Not needed after all", "--json"], {
      home: oliviaHome,
    });
    expect(dropped.status, dropped.stderr).toBe(0);
    const answer = JSON.parse(dropped.stdout) as Task;
    expect(answer).toEqual(await taskOf(first.id));
    expect(answer).toMatchObject({ state: "dropped", dropReason: "Not needed after all" });
  });

  it("reads the inbox: who did what to which task, unread marked", async () => {
    const [human, json] = await Promise.all([
      docket(["inbox"], asAda()),
      docket(["inbox", "--json"], asAda()),
    ]);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout).toMatch(
      /^Inbox: 1 unread\n• {2}today \d\d:\d\d {2}Olivia Owner {2}added {2}Review the design\n$/,
    );
    expect(JSON.parse(json.stdout)).toEqual((await ada.client.get("/api/v1/inbox")).body);
  });

  it("sends a request to several people named by e-mail and id", async () => {
    const sent = await docket(
      ["request", "Fill in the survey", "--to", `${ada.email},${pat.id}`, "--due", localDate(3)],
      { home: oliviaHome },
    );
    expect(sent.status, sent.stderr).toBe(0);
    const lines = sent.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^Asked 2 people for “Fill in the survey” \(request \S+\)$/);
    expect(lines.slice(1).sort()).toEqual([
      expect.stringMatching(/^ {2}Ada Lovelace {2}on their plate {9}\S+$/),
      expect.stringMatching(/^ {2}Pat Peer {6}waits in their triage {2}\S+$/),
    ]);

    const json = await docket(["request", "Share your holiday dates", "--to", "me", "--json"], asAda());
    const request = JSON.parse(json.stdout) as { id: string; assignees: { personId: string }[] };
    expect(request.assignees.map((assignee) => assignee.personId)).toEqual([ada.id]);
    expect(request).toEqual((await ada.client.get(`/api/v1/requests/${request.id}`)).body);
  });

  it("sums up a record in a few lines, and gives the API's record as JSON", async () => {
    const record = await docket(["record"], { home: oliviaHome });
    expect(record.status, record.stderr).toBe(0);
    const lines = record.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(
      new RegExp(`^Olivia Owner's record, \\d{4}-\\d\\d-\\d\\d to ${localDate(0)} \\(${zone}\\)$`),
    );
    expect(lines[1]).toBe("Completed 1: 1 on time, 0 late, 0 without a due; 100% on time");
    expect(lines[2]).toMatch(
      /^Dropped 1, slipped 0; requests 0 of 0 completed; median \d+(\.\d)? days to complete$/,
    );
    expect(lines[3]).toBe("Latest weeks:");
    expect(lines.slice(4)).toHaveLength(4);
    expect(lines.at(-1)).toMatch(
      /^ {2}week of \d{4}-\d\d-\d\d {2}1 completed {2}1 on time {2}0 late {2}1 dropped$/,
    );

    const json = await docket(["record", ada.id, "--json"], { home: oliviaHome });
    expect(JSON.parse(json.stdout)).toEqual(
      (await olivia.client.get(`/api/v1/people/${ada.id}/record`)).body,
    );
  });
});
