import { createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  defaultRadius: "md",
  cursorType: "pointer",
  fontFamily:
    'Inter, ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: "650" },
  components: {
    Tooltip: { defaultProps: { openDelay: 300 } },
    // A closed list is not kept in the page: the field stays the only thing its label names.
    Select: { defaultProps: { comboboxProps: { keepMounted: false } } },
  },
});
