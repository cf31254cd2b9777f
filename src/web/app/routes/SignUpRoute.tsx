import { getRouteApi } from "@tanstack/react-router";
import { SignUpPage } from "../../auth/SignUpPage";

const route = getRouteApi("/guest/sign-up");

export function SignUpRoute() {
  return <SignUpPage redirectTo={route.useSearch().redirect} />;
}
