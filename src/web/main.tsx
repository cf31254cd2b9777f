import "@mantine/core/styles.css";
// After Mantine's styles, whose variables it sets for each color scheme.
import "./app/colors.css";
import { MantineProvider } from "@mantine/core";
import { QueryClientProvider } from "@tanstack/react-query";
import { RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { colorSchemeManager } from "./app/colorScheme";
import { createQueryClient } from "./app/queryClient";
import { createAppRouter } from "./app/router";
import { theme } from "./app/theme";

const queryClient = createQueryClient(() => {
  const { pathname, search } = window.location;
  void router.navigate({ to: "/sign-in", search: { redirect: `${pathname}${search}` } });
});
const router = createAppRouter(queryClient);

const container = document.getElementById("root");
if (!container) throw new Error("The page has no #root element");

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme} defaultColorScheme="auto" colorSchemeManager={colorSchemeManager}>
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
);
