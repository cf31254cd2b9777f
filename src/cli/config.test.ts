import { describe, expect, it } from "vitest";
import { configFile, looksLikeToken } from "./config";

describe("where the config file is kept", () => {
  it("follows XDG_CONFIG_HOME, else ~/.config on Linux", () => {
    expect(configFile("linux", { XDG_CONFIG_HOME: "/x/conf" }, "/home/ada")).toBe(
      "/x/conf/docket/config.json",
    );
    expect(configFile("linux", {}, "/home/ada")).toBe("/home/ada/.config/docket/config.json");
    expect(configFile("linux", { XDG_CONFIG_HOME: "relative" }, "/home/ada")).toBe(
      "/home/ada/.config/docket/config.json",
    );
  });

  it("uses the platform's own place on macOS and Windows", () => {
    expect(configFile("darwin", {}, "/Users/ada")).toBe(
      "/Users/ada/Library/Application Support/docket/config.json",
    );
    expect(configFile("win32", { APPDATA: "C:\\Users\\ada\\AppData\\Roaming" }, "C:\\Users\\ada")).toBe(
      "C:\\Users\\ada\\AppData\\Roaming\\docket\\config.json",
    );
  });
});

describe("what a token looks like", () => {
  it("is one run of visible characters", () => {
    expect(looksLikeToken("dkt_AbC-123_xYz-456")).toBe(true);
    expect(looksLikeToken("")).toBe(false);
    expect(looksLikeToken("dkt_short")).toBe(false);
    expect(looksLikeToken("dkt_AbC-123 xYz-456")).toBe(false);
    expect(looksLikeToken("dkt_AbC-123\nAuthorization: x")).toBe(false);
  });
});
