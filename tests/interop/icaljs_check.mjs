// Run by node from tests/interop (ical.js installed there by `make test`, see package.json):
// parse each ICS file named on the command line with ical.js, as Thunderbird does, and print
// the same JSON facts as libical_check.py.
import { readFileSync } from "node:fs";
import ICAL from "ical.js";

function cn(prop) {
  if (!prop) return null;
  const value = prop.getParameter("cn");
  return value === undefined ? null : value;
}

function facts(path) {
  const text = readFileSync(path, "utf8");
  let calendar;
  try {
    calendar = new ICAL.Component(ICAL.parse(text));
  } catch (error) {
    return { path, parsed: false, error: String(error) };
  }
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstProperty("dtstart");
    return {
      uid: event.uid,
      sequence: event.sequence,
      status: vevent.getFirstPropertyValue("status") || "",
      summary: event.summary,
      description: event.description,
      location: event.location,
      url: vevent.getFirstPropertyValue("url"),
      start_tz: start ? start.getParameter("tzid") || "" : "",
      start: start ? start.getFirstValue().toString() : "",
      attendees: vevent.getAllProperties("attendee").length,
      organizers: vevent.getAllProperties("organizer").length,
      attendee_cn: cn(vevent.getFirstProperty("attendee")),
      organizer_cn: cn(vevent.getFirstProperty("organizer")),
    };
  });
  return {
    path,
    parsed: true,
    method: calendar.getFirstPropertyValue("method") || "",
    timezones: calendar.getAllSubcomponents("vtimezone").length,
    events,
  };
}

console.log(JSON.stringify(process.argv.slice(2).map(facts)));
