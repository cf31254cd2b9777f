import { randomBytes } from "node:crypto";
import {
  chmodSync,
  closeSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { z } from "zod";
import { failure, keepSecret } from "./errors";

/** Where Docket is and who speaks to it: the server's base address and a personal access token. */
export interface Credentials {
  url: string;
  token: string;
}

const Saved = z.object({ url: z.string(), token: z.string() });

/**
 * The config file: `$XDG_CONFIG_HOME/docket/config.json` when that is set, else the platform's
 * own place: `~/.config` on Linux and other Unixes, `~/Library/Application Support` on macOS,
 * `%APPDATA%` on Windows.
 */
export function configFile(platform: NodeJS.Platform, env: Record<string, string | undefined>, home: string) {
  const paths = platform === "win32" ? path.win32 : path.posix;
  const xdg = env.XDG_CONFIG_HOME;
  const base =
    xdg && paths.isAbsolute(xdg)
      ? xdg
      : platform === "win32"
        ? (env.APPDATA ?? paths.join(home, "AppData", "Roaming"))
        : platform === "darwin"
          ? paths.join(home, "Library", "Application Support")
          : paths.join(home, ".config");
  return paths.join(base, "docket", "config.json");
}

export const thisConfigFile = () => configFile(process.platform, process.env, homedir());

/** A server's base address as given to login or in `DOCKET_URL`: http(s), nothing after the path. */
export function baseAddress(given: string): string | null {
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash) return null;
  return url.href.replace(/\/+$/, "");
}

/** A personal access token is one run of visible ASCII characters, far longer than a password guess. */
export const looksLikeToken = (token: string) => /^[\x21-\x7e]{16,512}$/.test(token);

/** The credentials to use: `DOCKET_URL` and `DOCKET_TOKEN` over the config file. */
export function loadCredentials(env: Record<string, string | undefined> = process.env): Credentials {
  const file = thisConfigFile();
  const saved = readSaved(file);
  const token = env.DOCKET_TOKEN || saved?.token;
  const url = env.DOCKET_URL || saved?.url;
  if (!token) throw failure("not logged in: run docket login --url URL --token TOKEN (or set DOCKET_TOKEN)");
  if (!looksLikeToken(token)) throw failure("the token configured is not one Docket gives: run docket login");
  keepSecret(token);
  if (!url) throw failure("no server address: run docket login --url URL --token TOKEN (or set DOCKET_URL)");
  const base = baseAddress(url);
  if (!base)
    throw failure(
      "the server address configured (DOCKET_URL or the config file) is not an http(s) base address",
    );
  return { url: base, token };
}

function readSaved(file: string): Credentials | null {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw failure(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? "unreadable"}`);
  }
  try {
    return Saved.parse(JSON.parse(text));
  } catch {
    throw failure(`${file} is not a Docket config file: run docket login again`);
  }
}

/**
 * Keeps the credentials for the user alone: the directory 0700, the file 0600, written to a new
 * file beside it and renamed over the old one, so a crash never leaves half a file.
 */
export function saveCredentials(credentials: Credentials, file = thisConfigFile()): string {
  const dir = path.dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const temporary = path.join(dir, `.config.json.${process.pid}.${randomBytes(6).toString("hex")}`);
  try {
    const fd = openSync(temporary, "wx", 0o600);
    try {
      fchmodSync(fd, 0o600);
      writeSync(fd, `${JSON.stringify(credentials, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw failure(`cannot write ${file}: ${(error as NodeJS.ErrnoException).code ?? "unwritable"}`);
  }
  return file;
}
