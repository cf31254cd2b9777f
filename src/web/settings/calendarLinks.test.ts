import { describe, expect, it } from "vitest";
import { calendarLinks } from "./calendarLinks";

describe("calendarLinks", () => {
  const url = "https://docket.example.com/api/v1/feeds/cal_a-B_9.ics";

  it("gives the address as a webcal subscription, and Google's and Outlook's pages that add it", () => {
    const links = calendarLinks(url);
    expect(links.webcal).toBe("webcal://docket.example.com/api/v1/feeds/cal_a-B_9.ics");
    const google = new URL(links.google);
    expect(google.origin + google.pathname).toBe("https://calendar.google.com/calendar/r");
    expect(google.searchParams.get("cid")).toBe(links.webcal);
    const outlook = new URL(links.outlook);
    expect(outlook.origin + outlook.pathname).toBe("https://outlook.live.com/calendar/0/addfromweb");
    expect(outlook.searchParams.get("url")).toBe(url);
  });

  it("turns a plain http address (a server on one's own machine) into webcal too", () => {
    expect(calendarLinks("http://localhost:3000/api/v1/feeds/cal_x.ics").webcal).toBe(
      "webcal://localhost:3000/api/v1/feeds/cal_x.ics",
    );
  });
});
