import { getRouteApi } from "@tanstack/react-router";
import { SignInPage } from "../../auth/SignInPage";

const route = getRouteApi("/guest/sign-in");

export function SignInRoute() {
  return <SignInPage redirectTo={route.useSearch().redirect} />;
}
