"""Run by Debian's /usr/bin/python3 (python3-gi + gir1.2-ical-3.0), not the venv: parse each
ICS file named on the command line with libical (as Evolution does) and print JSON facts."""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def errors_of(component):
    found = []
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(prop.as_ical_string().strip())
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        found += errors_of(child)
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def value_of(event, kind):
    prop = event.get_first_property(kind)
    return prop.get_value_as_string() if prop is not None else None


def cn_of(event, kind):
    prop = event.get_first_property(kind)
    return prop.get_parameter_as_string("CN") if prop is not None else None


def facts(path):
    with open(path, encoding="utf-8", newline="") as handle:
        text = handle.read()
    calendar = ICalGLib.Component.new_from_string(text)
    if calendar is None:
        return {"path": path, "parsed": False}
    events = []
    event = calendar.get_first_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    while event is not None:
        start = event.get_dtstart()
        status = event.get_first_property(ICalGLib.PropertyKind.STATUS_PROPERTY)
        events.append(
            {
                "uid": event.get_uid(),
                "sequence": event.get_sequence(),
                "status": status.get_value_as_string() if status is not None else "",
                "summary": event.get_summary(),
                "description": event.get_description(),
                "location": event.get_location(),
                "url": value_of(event, ICalGLib.PropertyKind.URL_PROPERTY),
                "attendee_cn": cn_of(event, ICalGLib.PropertyKind.ATTENDEE_PROPERTY),
                "organizer_cn": cn_of(event, ICalGLib.PropertyKind.ORGANIZER_PROPERTY),
                "start_tz": start.get_tzid()
                if start.get_timezone() is not None or start.get_tzid()
                else "",
                "start": start.as_ical_string(),
                "attendees": event.count_properties(ICalGLib.PropertyKind.ATTENDEE_PROPERTY),
                "organizers": event.count_properties(ICalGLib.PropertyKind.ORGANIZER_PROPERTY),
            }
        )
        event = calendar.get_next_component(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    method = calendar.get_method()
    return {
        "path": path,
        "parsed": True,
        "method": ICalGLib.Property.method_to_string(method) if method else "",
        "errors": errors_of(calendar),
        "timezones": calendar.count_components(ICalGLib.ComponentKind.VTIMEZONE_COMPONENT),
        "events": events,
    }


print(json.dumps([facts(p) for p in sys.argv[1:]]))
