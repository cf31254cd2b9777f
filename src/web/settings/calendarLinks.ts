/** Where a calendar address is added: the same feed, in the form each calendar app takes it. */
export interface CalendarLinks {
  /** The address with the `webcal:` scheme, which calendar apps open as a subscription. */
  webcal: string;
  google: string;
  outlook: string;
}

export function calendarLinks(url: string): CalendarLinks {
  const webcal = url.replace(/^https?:/, "webcal:");
  const google = new URL("https://calendar.google.com/calendar/r");
  google.searchParams.set("cid", webcal);
  const outlook = new URL("https://outlook.live.com/calendar/0/addfromweb");
  outlook.searchParams.set("url", url);
  return { webcal, google: google.toString(), outlook: outlook.toString() };
}
