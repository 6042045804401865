<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>BusyCalendarsDialog</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/calendars/busy_calendars.py" line="+262"/>
        <source>Remove the calendar “%1” and its %n busy block(s)?</source>
        <translation>
            <numerusform>Remove the calendar “%1” and its %n busy block?</numerusform>
            <numerusform>Remove the calendar “%1” and its %n busy blocks?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Calendar “%1” removed: %n busy block(s) freed.</source>
        <translation>
            <numerusform>Calendar “%1” removed: %n busy block freed.</numerusform>
            <numerusform>Calendar “%1” removed: %n busy blocks freed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CalendarActions</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/calendars/menu.py" line="+210"/>
        <source>%n call(s) exported to %1.</source>
        <translation>
            <numerusform>%n call exported to %1.</numerusform>
            <numerusform>%n calls exported to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/common/prompts.py" line="+128"/>
        <source>This overlaps %n other calls of the closer: %1.</source>
        <translation>
            <numerusform>This overlaps %n other call of the closer: %1.</numerusform>
            <numerusform>This overlaps %n other calls of the closer: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EditorWords</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/agenda/editor.py" line="+677"/>
        <source>Overlaps %n other call(s) of yours.</source>
        <translation>
            <numerusform>Overlaps %n other call of yours.</numerusform>
            <numerusform>Overlaps %n other calls of yours.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/calendars/import_words.py" line="+117"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n updated</numerusform>
            <numerusform>%n updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n unchanged</numerusform>
            <numerusform>%n unchanged</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n cancelled</numerusform>
            <numerusform>%n cancelled</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event(s) read for %1 (busy time, calendar “%2”):</source>
        <translation>
            <numerusform>%n event read for %1 (busy time, calendar “%2”):</numerusform>
            <numerusform>%n events read for %1 (busy time, calendar “%2”):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n added</numerusform>
            <numerusform>%n added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n removed</numerusform>
            <numerusform>%n removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n event(s) read for %1 (calls):</source>
        <translation>
            <numerusform>%n event read for %1 (calls):</numerusform>
            <numerusform>%n events read for %1 (calls):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n of your own call(s) left out: not busy time.</source>
        <translation>
            <numerusform>%n of your own calls left out: not busy time.</numerusform>
            <numerusform>%n of your own calls left out: not busy time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n event(s) marked free: they block no time.</source>
        <translation>
            <numerusform>%n event marked free: it blocks no time.</numerusform>
            <numerusform>%n events marked free: they block no time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n time(s) without a zone read in %1.</source>
        <translation>
            <numerusform>%n time without a zone read in %1.</numerusform>
            <numerusform>%n times without a zone read in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n event(s) skipped:</source>
        <translation>
            <numerusform>%n event skipped:</numerusform>
            <numerusform>%n events skipped:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MailCounts</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/mail/words.py" line="+27"/>
        <source>%n message(s) sent.</source>
        <translation>
            <numerusform>%n message sent.</numerusform>
            <numerusform>%n messages sent.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n message(s) wait for a retry</source>
        <translation>
            <numerusform>%n message waits for a retry</numerusform>
            <numerusform>%n messages wait for a retry</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n message(s) failed</source>
        <translation>
            <numerusform>%n message failed</numerusform>
            <numerusform>%n messages failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n answer(s) recorded.</source>
        <translation>
            <numerusform>%n answer recorded.</numerusform>
            <numerusform>%n answers recorded.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n ignored</source>
        <translation>
            <numerusform>%n ignored</numerusform>
            <numerusform>%n ignored</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/agenda/monthview.py" line="+321"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n more</numerusform>
            <numerusform>+%n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OutboxRoom</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/mail/outbox.py" line="+163"/>
        <source>%n message(s) waiting</source>
        <translation>
            <numerusform>%n message waiting</numerusform>
            <numerusform>%n messages waiting</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PipelineRoom</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/reports/pipeline.py" line="+108"/>
        <source>%n prospect(s) waiting for a call</source>
        <translation>
            <numerusform>%n prospect waiting for a call</numerusform>
            <numerusform>%n prospects waiting for a call</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/planner/room.py" line="+416"/>
        <source>%n free slot(s)</source>
        <translation>
            <numerusform>%n free slot</numerusform>
            <numerusform>%n free slots</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+209"/>
        <source>Proposal of %n slot(s) copied: paste it in your message.</source>
        <translation>
            <numerusform>Proposal of %n slot copied: paste it in your message.</numerusform>
            <numerusform>Proposal of %n slots copied: paste it in your message.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/shell/preferences_dialog.py" line="+114"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderBanner</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/shell/reminder_banner.py" line="+118"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReminderWords</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/shell/reminders.py" line="+248"/>
        <source>Call with %1 in %n min</source>
        <extracomment>How far ahead the scheduler loads calls; it reloads at least this often. The longest the timer sleeps, so a suspended laptop or a changed clock is caught up soon. Snoozed reminders (by key) and when they are due again.</extracomment>
        <translation>
            <numerusform>Call with %1 in %n min</numerusform>
            <numerusform>Call with %1 in %n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/shell/search.py" line="+131"/>
        <source>%n call(s) match %1; the first %2 are listed: type more to narrow.</source>
        <translation>
            <numerusform>%n call matches %1.</numerusform>
            <numerusform>%n calls match %1; the first %2 are listed: type more to narrow.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n call(s) match %1.</source>
        <translation>
            <numerusform>%n call matches %1.</numerusform>
            <numerusform>%n calls match %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncScheduler</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/sync/scheduler.py" line="+192"/>
        <source>Not sent: %n; </source>
        <extracomment>Minutes between two background syncs, unless the settings say otherwise. The setting holding that interval (minutes; 0 turns the timer off). How long after a change the window wrote it is sent (a few edits in a row go together). How soon a sync is tried again while the server cannot be reached. The background sync waits less than the CLI for a server (it holds the one worker).</extracomment>
        <translation>
            <numerusform>Not sent: %n; </numerusform>
            <numerusform>Not sent: %n; </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSetupDialog</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/sync/setup_dialog.py" line="+398"/>
        <source>%1 subscribed; events read as busy time: %n.</source>
        <translation>
            <numerusform>%1 subscribed; events read as busy time: %n.</numerusform>
            <numerusform>%1 subscribed; events read as busy time: %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/sync/status.py" line="+72"/>
        <source>To send: %n</source>
        <translation>
            <numerusform>To send: %n</numerusform>
            <numerusform>To send: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>Conflicts: %n</numerusform>
            <numerusform>Conflicts: %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ZoneSuggestion</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/directory/prospect_dialog.py" line="+80"/>
        <source>%n possible zone(s) for this number:</source>
        <translation>
            <numerusform>%n possible zone for this number:</numerusform>
            <numerusform>%n possible zones for this number:</numerusform>
        </translation>
    </message>
</context>
</TS>
