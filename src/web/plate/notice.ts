import { errorMessage, isApiError } from "../api/errors";

/** What the plate says after an action did not go through: calm for a race, red for a failure. */
export interface Notice {
  tone: "calm" | "error";
  message: string;
}

export function noticeFor(error: unknown, title: string): Notice {
  if (isApiError(error, 409)) {
    return {
      tone: "calm",
      message: `“${title}” was just changed by someone else, so nothing was done. You are looking at the latest now; try again if it still applies.`,
    };
  }
  if (isApiError(error, 404)) {
    return { tone: "calm", message: `“${title}” is no longer here. You are looking at the latest now.` };
  }
  return { tone: "error", message: `“${title}” was left as it was. ${errorMessage(error)}` };
}
