import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Nginx {
  /** The balancer's own address, e.g. http://127.0.0.1:41234. */
  url: string;
  port: number;
  /** The configuration it runs with, for reports. */
  config: string;
  /** What nginx wrote to its error log so far. */
  errors(): string;
  stop(): Promise<void>;
}

const candidates = [process.env.NGINX_BIN, "/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx"];

/** The nginx binary; throws (never skips) when there is none, in CI and out of it. */
export function nginxBinary(): string {
  const found = candidates.find((path) => path && existsSync(path));
  if (found) return found;
  const onPath = spawnSync("sh", ["-c", "command -v nginx"], { encoding: "utf8" }).stdout.trim();
  if (onPath) return onPath;
  throw new Error(
    "nginx not found (looked in NGINX_BIN, /usr/sbin, /usr/local/sbin, /usr/bin and PATH). " +
      "Install it (Debian: apt-get install nginx): the multi-instance load test runs Docket behind it.",
  );
}

/**
 * A load balancer's configuration for Docket instances on `upstreams` (loopback ports), listening on
 * 127.0.0.1:`port`, with every file it writes under `dir`. Server-sent events at /api/v1/events pass
 * through unbuffered and may stay open for an hour.
 */
export function nginxConfig(options: { port: number; upstreams: number[]; dir: string }): string {
  const { port, upstreams, dir } = options;
  // As root, nginx would switch its workers to `nobody`, who cannot write into our private directory.
  const user = process.getuid?.() === 0 ? "user root;\n" : "";
  return `${user}worker_processes 2;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "error.log")} warn;

events {
  worker_connections 4096;
}

http {
  access_log ${join(dir, "access.log")};
  client_body_temp_path ${join(dir, "client_body")};
  proxy_temp_path ${join(dir, "proxy")};
  fastcgi_temp_path ${join(dir, "fastcgi")};
  uwsgi_temp_path ${join(dir, "uwsgi")};
  scgi_temp_path ${join(dir, "scgi")};

  upstream docket {
    least_conn;
${upstreams.map((upstream) => `    server 127.0.0.1:${upstream};`).join("\n")}
    keepalive 64;
  }

  server {
    listen 127.0.0.1:${port};
    client_max_body_size 1m;

    proxy_http_version 1.1;
    proxy_set_header Connection "";
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;

    location / {
      proxy_pass http://docket;
    }

    location = /api/v1/events {
      proxy_pass http://docket;
      proxy_buffering off;
      proxy_cache off;
      proxy_read_timeout 1h;
    }
  }
}
`;
}

/**
 * Starts nginx in the foreground (`daemon off`) with a generated configuration in a temporary
 * directory, and waits until it accepts connections: `ready` must answer true within 30 s.
 */
export async function startNginx(options: {
  port: number;
  upstreams: number[];
  ready: (url: string) => Promise<boolean>;
}): Promise<Nginx> {
  const binary = nginxBinary();
  const dir = mkdtempSync(join(tmpdir(), "docket-nginx-"));
  const config = nginxConfig({ ...options, dir });
  const file = join(dir, "nginx.conf");
  writeFileSync(file, config);
  // -e: the error log from the very start, before the configuration names ours (not /var/log/nginx).
  const args = ["-p", dir, "-e", join(dir, "error.log"), "-c", file];
  const test = spawnSync(binary, [...args, "-t"], { encoding: "utf8" });
  if (test.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`nginx refused its configuration:\n${test.stdout}${test.stderr}\n${config}`);
  }

  let output = "";
  const child: ChildProcess = spawn(binary, [...args, "-g", "daemon off;"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const errors = () => {
    const log = join(dir, "error.log");
    return output + (existsSync(log) ? readFileSync(log, "utf8") : "");
  };
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT"); // graceful: workers finish what they serve, then exit
      const timer = setTimeout(() => child.kill("SIGTERM"), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  while (child.exitCode === null && Date.now() < deadline) {
    if (await options.ready(url).catch(() => false)) {
      return { url, port: options.port, config, errors, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const log = errors();
  await stop();
  throw new Error(`nginx did not come up on ${url} (exit code ${child.exitCode}):\n${log}`);
}
