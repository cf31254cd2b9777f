import {
  chmodSync,
  closeSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  type Stats,
  statSync,
} from "node:fs";
import { join } from "node:path";

/** Only the owner may read, write or enter: folders 0700, files 0600. */
export const privateFolderMode = 0o700;
export const privateFileMode = 0o600;
/** The group's and others' permission bits. */
const othersBits = 0o077;

/** From now on, every file and folder this process creates is its owner's alone (umask 077). */
export function keepNewFilesPrivate(): void {
  process.umask(othersBits);
}

/**
 * Creates `folder` (0700) when it is missing, or takes the group's and others' access away from
 * it: the folder alone then keeps everything in it private. Refuses a shared folder such as /tmp.
 */
export function makePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: privateFolderMode });
  // Followed if it is a link: a data folder kept elsewhere and linked to is still the folder.
  const stats = statSync(folder);
  if (!stats.isDirectory()) throw new Error(`${folder} is not a folder`);
  if (stats.mode & 0o1000)
    throw new Error(`${folder} is a shared folder (like /tmp): give Docket a folder of its own`);
  tighten(folder, stats);
}

/** Creates an empty file only its owner can read when it is missing, or tightens the one there. */
export function makePrivateFile(file: string): void {
  closeSync(openSync(file, "a", privateFileMode));
  tightenIfPresent(file);
}

/**
 * Takes the group's and others' access away from `path` when it exists, and from what a folder
 * holds directly. Symbolic links are neither changed nor followed.
 */
export function tightenIfPresent(path: string): void {
  const stats = statsOf(path);
  if (!stats || stats.isSymbolicLink()) return;
  tighten(path, stats);
  if (!stats.isDirectory()) return;
  for (const entry of readdirSync(path)) {
    const inner = join(path, entry);
    const innerStats = statsOf(inner);
    if (innerStats && !innerStats.isSymbolicLink()) tighten(inner, innerStats);
  }
}

function tighten(path: string, stats: Stats): void {
  if ((stats.mode & othersBits) === 0) return;
  try {
    chmodSync(path, stats.mode & 0o700);
  } catch (error) {
    throw new Error(
      `${path} can be read by others and cannot be made private (${(error as NodeJS.ErrnoException).code}): change its owner to the user Docket runs as`,
    );
  }
}

function statsOf(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
