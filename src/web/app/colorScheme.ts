import { localStorageColorSchemeManager } from "@mantine/core";

/**
 * Where this browser keeps the person's choice of color scheme: "light", "dark", or "auto" to
 * follow the system. The inline script of index.html reads the same key before the first paint.
 */
export const COLOR_SCHEME_KEY = "docket-color-scheme";

export const colorSchemeManager = localStorageColorSchemeManager({ key: COLOR_SCHEME_KEY });
