import { QueryCache, QueryClient } from "@tanstack/react-query";
import { forgetKeptAnswers } from "../api/client";
import { isApiError } from "../api/errors";
import { queryKeys } from "../api/queryKeys";

const MAX_RETRIES = 2;

/**
 * The app clears its cache whenever the session changes (signing in, up or out, joining through an
 * invitation): the answers kept for conditional reads go with it, so no one is served another's.
 */
class SessionQueryClient extends QueryClient {
  override clear(): void {
    forgetKeptAnswers();
    super.clear();
  }
}

/**
 * Client errors (4xx) are answers, not outages: they are never retried. A 401 on any query but the
 * "who am I" probe means the session ended while the app was open, so the visitor is sent to sign in.
 */
export function createQueryClient(onSessionEnded: () => void): QueryClient {
  return new SessionQueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        if (isApiError(error, 401) && query.queryKey[0] !== queryKeys.me[0]) onSessionEnded();
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) =>
          !(isApiError(error) && error.status < 500) && failureCount < MAX_RETRIES,
      },
    },
  });
}
