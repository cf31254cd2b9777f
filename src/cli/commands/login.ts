import type { Command } from "commander";
import { Me } from "../../contract/me";
import { Api } from "../api";
import { parseUrl } from "../args";
import { looksLikeToken, saveCredentials } from "../config";
import { keepSecret, usageError } from "../errors";
import { jsonOption, type Runtime } from "../runtime";

export function registerLogin(program: Command, runtime: Runtime): void {
  program
    .command("login")
    .description("check a personal access token with the server and keep it for the next commands")
    .requiredOption("--url <url>", "the server's base address, like https://docket.example.com", parseUrl)
    .requiredOption("--token <token>", "a personal access token (made in Settings, shown once)")
    .addOption(jsonOption())
    .action(async (options: { url: string; token: string; json?: boolean }) => {
      if (!looksLikeToken(options.token)) throw usageError("TOKEN is not a personal access token");
      keepSecret(options.token);
      const api = new Api({ url: options.url, token: options.token });
      const me = await api.get("me", Me);
      const file = saveCredentials({ url: options.url, token: options.token });
      if (options.json) return runtime.output.json(me.raw);
      runtime.output.lines([
        `Logged in to ${api.host} as ${me.value.name} <${me.value.email}>.`,
        `The token is kept in ${file}, readable by you alone.`,
      ]);
    });
}
