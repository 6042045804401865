<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AgendaModel</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/model.py" line="+38"/>
        <source>When</source>
        <extracomment>The role holding the row&apos;s ``AgendaEntry``. The role the search filters on: the prospect&apos;s and the company&apos;s names.</extracomment>
        <translation>Quand</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Prospect&apos;s time</source>
        <translation>Heure du prospect</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Minutes</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/common/call_words.py" line="+14"/>
        <source>planned</source>
        <translation>prévu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <translation>confirmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>done</source>
        <translation>fait</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no-show</source>
        <translation>absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled</source>
        <translation>annulé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>won</source>
        <translation>gagné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>lost</source>
        <translation>perdu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>follow-up</source>
        <translation>à relancer</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>phone</source>
        <translation>téléphone</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>video</source>
        <translation>visio</translation>
    </message>
</context>
<context>
    <name>AgendaPrint</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/printing.py" line="+206"/>
        <source>Closer&apos;s time</source>
        <translation>Heure du closer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect&apos;s time</source>
        <translation>Heure du prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closer</source>
        <translation>Closer</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>holiday: %1</source>
        <translation>jour férié : %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No calls</source>
        <translation>Aucun appel</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>%1 could not be written.</source>
        <translation>%1 n&apos;a pas pu être écrit.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 could not be written: %2</source>
        <translation>%1 n&apos;a pas pu être écrit : %2</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>AgendaRoom</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/room.py" line="+133"/>
        <source>&amp;Details pane</source>
        <extracomment>The last answer from the source (None until the first one arrives).</extracomment>
        <translation>Volet des &amp;détails</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Week of %1</source>
        <translation>Semaine du %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 to %2</source>
        <translation>Du %1 au %2</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda/columns_in_view.py" line="+75"/>
        <source>%1, %2 h ahead</source>
        <translation>%1, %2 h d&apos;avance</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, %2 h behind</source>
        <translation>%1, %2 h de retard</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda/call_actions.py" line="+133"/>
        <source>Duplicate call</source>
        <translation>Dupliquer l’appel</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda/printing.py" line="+51"/>
        <source>Export as PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../closer_desk/app.py" line="+179"/>
        <source>The agenda could not be opened.</source>
        <extracomment>Where resources live, in a checkout and in the PyInstaller bundle alike (``_internal/``). The daily backup reads the whole file: after the first paint, off the GUI thread.</extracomment>
        <translation>L’agenda n’a pas pu être ouvert.</translation>
    </message>
</context>
<context>
    <name>AppointmentEditor</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/editor.py" line="+118"/>
        <source>Edit call</source>
        <extracomment>What was on show when the dialog last fitted its height to it (``_fit_height``).</extracomment>
        <translation>Modifier l’appel</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a company</source>
        <translation>Choisir une société</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Type a name</source>
        <translation>Tapez un nom</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New prospect…</source>
        <translation>Nouveau prospect…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video</source>
        <translation>Visio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="+27"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min before</source>
        <translation> min avant</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Company:</source>
        <translation>Société :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect:</source>
        <translation>Prospect :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and time:</source>
        <translation>Date et heure :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Typed in:</source>
        <translation>Saisie en :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Both times:</source>
        <translation>Les deux heures :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length:</source>
        <translation>Durée :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video link:</source>
        <translation>Lien visio :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone number:</source>
        <translation>Numéro :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reminder:</source>
        <translation>Rappel :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Book</source>
        <translation>Réserver</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Its agreed time (%1)</source>
        <translation>Son heure convenue (%1)</translation>
    </message>
    <message>
        <location line="+104"/>
        <source>%1&apos;s time (%2)</source>
        <translation>Heure de %1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My time (%1)</source>
        <translation>Mon heure (%1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The prospect&apos;s time (%1)</source>
        <translation>L’heure du prospect (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The prospect&apos;s time</source>
        <translation>L’heure du prospect</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>This time does not exist in %1 that day (the clocks jump forward). Which do you mean?</source>
        <translation>Cette heure n’existe pas à %1 ce jour-là (on avance les horloges). Laquelle voulez-vous dire ?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This time happens twice in %1 that day (the clocks go back). Which do you mean?</source>
        <translation>Cette heure a lieu deux fois à %1 ce jour-là (on recule les horloges). Laquelle voulez-vous dire ?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (UTC%2), %3 for you</source>
        <translation>%1 (UTC%2), %3 pour vous</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose one of the two times above.</source>
        <translation>Choisissez l’une des deux heures ci-dessus.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 %3–%4 (%5)</source>
        <translation>%1 : %2 %3–%4 (%5)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a company.</source>
        <translation>Choisissez une société.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a prospect (or add a new one).</source>
        <translation>Choisissez un prospect (ou ajoutez-en un).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the date and time as %1 (years %2 to %3).</source>
        <translation>Tapez la date et l’heure ainsi : %1 (années %2 à %3).</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>New prospect</source>
        <translation>Nouveau prospect</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>The clocks jump forward at this time: choose which time you mean.</source>
        <translation>Les horloges avancent à cette heure : choisissez l’heure voulue.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The clocks go back at this time: it happens twice, choose which one.</source>
        <translation>Les horloges reculent à cette heure : elle a lieu deux fois, choisissez laquelle.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>It is a public holiday for %1 (%2).</source>
        <translation>C&apos;est un jour férié pour %1 (%2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is a public holiday where you work (%1).</source>
        <translation>C&apos;est un jour férié là où vous travaillez (%1).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This week the clocks have changed in one country and not yet in the other: the usual time difference with %1 does not hold.</source>
        <translation>Cette semaine, un pays a changé d&apos;heure et pas encore l&apos;autre : le décalage habituel avec %1 ne s&apos;applique pas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>This time is in the past.</source>
        <translation>Cette heure est passée.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is the weekend for %1.</source>
        <translation>C’est le week-end pour %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Outside your working hours.</source>
        <translation>En dehors de vos heures de travail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outside the company&apos;s hours.</source>
        <translation>En dehors des horaires de la société.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outside %1&apos;s business hours.</source>
        <translation>En dehors des heures ouvrées de %1.</translation>
    </message>
    <message>
        <location line="-50"/>
        <source>%1 already has a call at this time with %2.</source>
        <translation>%1 a déjà un appel à cette heure avec %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Sooner than your minimum notice.</source>
        <translation>Plus tôt que votre délai de prévenance minimum.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Over busy time from your other calendar.</source>
        <translation>Sur un moment occupé de votre autre calendrier.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Inside the free time you keep around a call.</source>
        <translation>Dans le temps libre que vous gardez autour d’un appel.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>You already have your most calls for that day.</source>
        <translation>Vous avez déjà votre maximum d’appels ce jour-là.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <location filename="../../closer_desk/ui/shell/backups_dialog.py" line="+53"/>
        <location line="+27"/>
        <location line="+75"/>
        <source>Restore from backup</source>
        <translation>Restaurer une sauvegarde</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>A backup is taken every day (the last 14 are kept). Restoring replaces the agenda with the chosen copy; the current agenda is kept beside it.</source>
        <translation>Une sauvegarde est faite chaque jour (les 14 dernières sont gardées). Restaurer remplace l&apos;agenda par la copie choisie ; l&apos;agenda actuel est conservé à côté.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Restore</source>
        <translation>Restaurer</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>daily</source>
        <translation>quotidienne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>before an upgrade</source>
        <translation>avant une mise à jour</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No backup yet: the first one is taken tomorrow.</source>
        <translation>Pas encore de sauvegarde : la première sera faite demain.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Replace the agenda with the backup of %1? The current agenda is kept.</source>
        <translation>Remplacer l&apos;agenda par la sauvegarde %1 ? L&apos;agenda actuel est conservé.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Not restored: %1</source>
        <translation>Non restauré : %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The agenda is damaged</source>
        <translation>L&apos;agenda est endommagé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agenda %1 is damaged and there is no backup of it to restore.</source>
        <translation>L&apos;agenda %1 est endommagé et il n&apos;en existe aucune sauvegarde à restaurer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The agenda %1 is damaged (%2).

Restore the newest good backup, %3? The damaged file is kept beside it.</source>
        <translation>L&apos;agenda %1 est endommagé (%2).

Restaurer la sauvegarde saine la plus récente, %3 ? Le fichier endommagé est conservé à côté.</translation>
    </message>
</context>
<context>
    <name>BusyCalendars</name>
    <message>
        <location filename="../../closer_desk/ui/calendars/busy_calendars.py" line="+57"/>
        <source>Calendar</source>
        <translation>Calendrier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Events</source>
        <translation>Événements</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Busy blocks</source>
        <translation>Plages occupées</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last import</source>
        <translation>Dernier import</translation>
    </message>
</context>
<context>
    <name>BusyCalendarsDialog</name>
    <message>
        <location line="+44"/>
        <source>Busy calendars</source>
        <translation>Calendriers occupés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Closer:</source>
        <translation>Closer :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No busy calendar imported for this closer yet.</source>
        <translation>Aucun calendrier occupé importé pour ce closer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import a calendar…</source>
        <translation>Importer un calendrier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import again</source>
        <translation>Réimporter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read the calendar&apos;s file again: its busy time is replaced in place.</source>
        <translation>Relire le fichier du calendrier : ses plages occupées sont remplacées sur place.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+126"/>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>The file %1 is not there any more: import it again from where it is now.</source>
        <translation>Le fichier %1 n’est plus là : importez-le de nouveau depuis son nouvel emplacement.</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>Remove the calendar “%1” and its %n busy block(s)?</source>
        <translation>
            <numerusform>Supprimer le calendrier « %1 » et sa %n plage occupée ?</numerusform>
            <numerusform>Supprimer le calendrier « %1 » et ses %n plages occupées ?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Calendar “%1” removed: %n busy block(s) freed.</source>
        <translation>
            <numerusform>Calendrier « %1 » supprimé : %n plage occupée libérée.</numerusform>
            <numerusform>Calendrier « %1 » supprimé : %n plages occupées libérées.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove busy calendar</source>
        <translation>Retirer le calendrier occupé</translation>
    </message>
</context>
<context>
    <name>Calendar</name>
    <message>
        <location filename="../../closer_desk/ui/calendars/export.py" line="+49"/>
        <location filename="../../closer_desk/ui/calendars/menu.py" line="+199"/>
        <source>Export calendar</source>
        <extracomment>What an export covers by default: the last month and the coming year (as the CLI).</extracomment>
        <translation>Exporter le calendrier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your calls in these days, for your other calendars. Notes and the prospects&apos; files are never exported.</source>
        <translation>Vos appels de ces jours-là, pour vos autres calendriers. Les notes et les fiches des prospects ne sont jamais exportées.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>From:</source>
        <translation>Du :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To:</source>
        <translation>Au :</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/calendars/menu.py" line="-120"/>
        <source>&amp;Import calendar…</source>
        <translation>&amp;Importer un calendrier…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Busy calendars…</source>
        <translation>Calendriers &amp;occupés…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Export…</source>
        <translation>&amp;Exporter…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Save invite…</source>
        <translation>&amp;Enregistrer l&apos;invitation…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Copy invite</source>
        <translation>&amp;Copier l&apos;invitation</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Select a call first.</source>
        <translation>Sélectionnez d&apos;abord un appel.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Invite saved to %1.</source>
        <translation>Invitation enregistrée dans %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Invite copied: paste it in your message.</source>
        <translation>Invitation copiée : collez-la dans votre message.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers de calendrier (*.ics)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not exported: %1</source>
        <translation>Non exporté : %1</translation>
    </message>
</context>
<context>
    <name>CalendarActions</name>
    <message numerus="yes">
        <location line="-7"/>
        <source>%n call(s) exported to %1.</source>
        <translation>
            <numerusform>%n appel exporté dans %1.</numerusform>
            <numerusform>%n appels exportés dans %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CallMenu</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/call_menu.py" line="+59"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Join the video call</source>
        <translation>&amp;Rejoindre la visio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;all the prospect</source>
        <translation>A&amp;ppeler le prospect</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Move to…</source>
        <translation>&amp;Déplacer à…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>D&amp;uplicate…</source>
        <translation>D&amp;upliquer…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Outcome</source>
        <translation>&amp;Résultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Outcome (once the call has started)</source>
        <translation>&amp;Résultat (une fois l’appel commencé)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Won…</source>
        <translation>&amp;Gagné…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lost…</source>
        <translation>&amp;Perdu…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No-show</source>
        <translation>&amp;Absent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Follow-up</source>
        <translation>À &amp;relancer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Cancel the call…</source>
        <translation>&amp;Annuler l’appel…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&amp;New call here…</source>
        <translation>&amp;Nouvel appel ici…</translation>
    </message>
</context>
<context>
    <name>CallOperations</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/operations.py" line="+125"/>
        <source>Not done</source>
        <translation>Non effectué</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Overlapping calls</source>
        <extracomment>A write of one call, run on the worker. Told how a write ended: None when it was written, else why not (&quot;&quot; when the user said no). A question that may overrule a refusal: (title, text) for the errors it applies to.</extracomment>
        <translation>Appels qui se chevauchent</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do it anyway?</source>
        <translation>Le faire quand même ?</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>New call</source>
        <translation>Nouvel appel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The call was not duplicated.</source>
        <translation>L’appel n’a pas été dupliqué.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Duplicate call</source>
        <translation>Dupliquer l’appel</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>%1 does not exist on that day in %2 (the clocks jump forward). Which time do you mean?</source>
        <translation>%1 n’existe pas ce jour-là à %2 (on avance les horloges). Quelle heure voulez-vous dire ?</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 happens twice on that day in %2 (the clocks go back). Which one do you mean?</source>
        <translation>%1 a lieu deux fois ce jour-là à %2 (on recule les horloges). Laquelle voulez-vous dire ?</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The call was not moved.</source>
        <translation>L’appel n’a pas été déplacé.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Resize call</source>
        <translation>Redimensionner l’appel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move call</source>
        <translation>Déplacer l’appel</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Edit call</source>
        <translation>Modifier l’appel</translation>
    </message>
    <message>
        <location line="-175"/>
        <location line="+189"/>
        <source>Cancel the call</source>
        <translation>Annuler l’appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the call with %1? Its time is freed.</source>
        <translation>Annuler l’appel avec %1 ? Le créneau sera libéré.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cancel call</source>
        <translation>Annuler l’appel</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete the call</source>
        <translation>Supprimer l’appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the call with %1 from the agenda?</source>
        <translation>Supprimer de l’agenda l’appel avec %1 ?</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete call</source>
        <translation>Supprimer l’appel</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deal won</source>
        <translation>Vente gagnée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Deal value (%1):</source>
        <translation>Montant de la vente (%1) :</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Record outcome</source>
        <translation>Enregistrer le résultat</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>Cancel it anyway? Its outcome and deal are removed.</source>
        <translation>L’annuler quand même ? Son issue et son affaire sont supprimées.</translation>
    </message>
</context>
<context>
    <name>CloserPicker</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/closer_picker.py" line="+81"/>
        <source>Side by side:</source>
        <translation>Côte à côte :</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Picked in the sidebar: always shown</source>
        <translation>Choisi dans le panneau latéral : toujours affiché</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show this closer&apos;s calls beside the others</source>
        <translation>Afficher les appels de ce closer à côté des autres</translation>
    </message>
</context>
<context>
    <name>Counted</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/common/prompts.py" line="+128"/>
        <source>This overlaps %n other calls of the closer: %1.</source>
        <translation>
            <numerusform>Cela chevauche %n autre appel du closer : %1.</numerusform>
            <numerusform>Cela chevauche %n autres appels du closer : %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DetailsPane</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/details.py" line="+94"/>
        <source>Select a call to see its details.</source>
        <translation>Sélectionnez un appel pour voir ses détails.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Call</source>
        <translation>Appeler</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Join the video call</source>
        <translation>Rejoindre la visio</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel call…</source>
        <translation>Annuler l’appel…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Their time now:</source>
        <translation>Son heure actuelle :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When:</source>
        <translation>Quand :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company:</source>
        <translation>Société :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind:</source>
        <translation>Type :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status:</source>
        <translation>Statut :</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>After the call</source>
        <translation>Après l’appel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Won</source>
        <translation>Gagné</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost</source>
        <translation>Perdu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up</source>
        <translation>À relancer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-show</source>
        <translation>Absent</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>%1 %2 (%6) · %3 %4 (%5)</source>
        <translation>%1 %2 (%6) · %3 %4 (%5)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 %2 (you) · %3 %4 (%5)</source>
        <translation>%1 %2 (vous) · %3 %4 (%5)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1, %2 min</source>
        <translation>%1, %2 min</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>This link was not opened: only https:// links are opened from a call.</source>
        <translation>Ce lien n’a pas été ouvert : seuls les liens https:// sont ouverts depuis un appel.</translation>
    </message>
</context>
<context>
    <name>EditorWords</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/agenda/editor.py" line="-21"/>
        <source>Overlaps %n other call(s) of yours.</source>
        <translation>
            <numerusform>Chevauche %n autre de vos appels.</numerusform>
            <numerusform>Chevauche %n autres de vos appels.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../closer_desk/ui/common/history.py" line="+145"/>
        <source>Could not redo “%1”: %2</source>
        <extracomment>The id of commands that may merge with the previous one (the same field saved again).</extracomment>
        <translation>Impossible de rétablir « %1 » : %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Could not undo “%1”: %2</source>
        <translation>Impossible d’annuler « %1 » : %2</translation>
    </message>
</context>
<context>
    <name>HourStrip</name>
    <message>
        <location filename="../../closer_desk/ui/planner/hour_strip.py" line="+61"/>
        <source>Hours across time zones</source>
        <translation>Heures dans les différents fuseaux</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../closer_desk/ui/calendars/invites.py" line="+41"/>
        <source>Save invite</source>
        <translation>Enregistrer l&apos;invitation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Calendar files (*.ics)</source>
        <translation>Fichiers de calendrier (*.ics)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/calendars/importing.py" line="+120"/>
        <location line="+79"/>
        <location line="+63"/>
        <source>Import calendar</source>
        <extracomment>the worker&apos;s stage and progress signals, for whoever follows the import</extracomment>
        <translation>Importer un calendrier</translation>
    </message>
    <message>
        <location line="-139"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Block the time of every event (busy time)</source>
        <translation>Bloquer le temps de chaque événement (temps occupé)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>A new import of the same calendar replaces its busy time.</source>
        <translation>Un nouvel import du même calendrier remplace ses plages occupées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File:</source>
        <translation>Fichier :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Closer:</source>
        <translation>Closer :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar name:</source>
        <translation>Nom du calendrier :</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose a calendar file (.ics).</source>
        <translation>Choisissez un fichier de calendrier (.ics).</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import</source>
        <translation>Importer</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Calendar files (*.ics);;All files (*)</source>
        <translation>Fichiers de calendrier (*.ics);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No such file.</source>
        <translation>Ce fichier n&apos;existe pas.</translation>
    </message>
    <message>
        <location line="+72"/>
        <source>Writing to the agenda…</source>
        <translation>Écriture dans l’agenda…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Reading the events: %1 of %2…</source>
        <translation>Lecture des événements : %1 sur %2…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Import failed, nothing imported: %1</source>
        <translation>Échec de l’import, rien n’a été importé : %1</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="-148"/>
        <source>Line</source>
        <extracomment>Files from this size on are read in a worker process: a long scan of a big file holds the GIL, and in this process the GUI thread would stall with it (half a second for 25 MB).</extracomment>
        <translation>Ligne</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UID</source>
        <translation>UID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location line="+180"/>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>ImportWords</name>
    <message>
        <location filename="../../closer_desk/ui/calendars/import_words.py" line="+24"/>
        <source>the file is larger than the %1-byte limit</source>
        <extracomment>Why a file was refused whole; %1 is the detail (a limit, a component&apos;s name).</extracomment>
        <translation>le fichier dépasse la limite de %1 octets</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line is longer than the %1-character limit</source>
        <translation>une ligne dépasse la limite de %1 caractères</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>components are nested deeper than %1 levels</source>
        <translation>des composants sont imbriqués sur plus de %1 niveaux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this is not an iCalendar file (it must begin with BEGIN:VCALENDAR)</source>
        <translation>ce n’est pas un fichier iCalendar (il doit commencer par BEGIN:VCALENDAR)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>BEGIN and END do not match (%1 is not closed, or closed twice)</source>
        <translation>BEGIN et END ne correspondent pas (%1 n’est pas fermé, ou l’est deux fois)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a line is not valid iCalendar</source>
        <translation>une ligne n’est pas du iCalendar valide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the time zone “%1” is unknown and no VTIMEZONE defines it</source>
        <translation>le fuseau horaire « %1 » est inconnu et aucun VTIMEZONE ne le définit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the file holds more than %1 events</source>
        <translation>le fichier contient plus de %1 événements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>recurring events repeat more than %1 times in all</source>
        <translation>les événements récurrents se répètent plus de %1 fois au total</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reading it took longer than %1 seconds</source>
        <translation>sa lecture a pris plus de %1 secondes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>not a closer_desk call; import as busy time to block it</source>
        <extracomment>Why one event was left out; %1 is the detail.</extracomment>
        <translation>pas un appel closer_desk ; importez-le comme temps occupé pour le bloquer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>a recurring event cannot update a call</source>
        <translation>un événement récurrent ne peut pas modifier un appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>an older version of the call (SEQUENCE %1)</source>
        <translation>une version plus ancienne de l’appel (SEQUENCE %1)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no start time (DTSTART)</source>
        <translation>pas d’heure de début (DTSTART)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>ends before it starts</source>
        <translation>se termine avant de commencer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>a line of the event is not valid iCalendar</source>
        <translation>une ligne de l’événement n’est pas du iCalendar valide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>impossible or malformed date “%1”</source>
        <translation>date impossible ou mal formée « %1 »</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>invalid value (%1)</source>
        <translation>valeur invalide (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>unknown time zone “%1” and no VTIMEZONE defines it</source>
        <translation>fuseau horaire « %1 » inconnu et aucun VTIMEZONE ne le définit</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>its time zone cannot be read (%1)</source>
        <translation>son fuseau horaire est illisible (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its time zone changes offset too often to be used</source>
        <translation>son fuseau horaire change de décalage trop souvent pour être utilisé</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>year %1 is outside the supported years %2–%3</source>
        <translation>l’année %1 est hors des années prises en charge %2–%3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>it repeats more than %1 times within the import&apos;s horizon</source>
        <translation>il se répète plus de %1 fois dans l’horizon de l’import</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The file is not UTF-8: it was read as Windows-1252 (from line %1).</source>
        <extracomment>How parts of the file were read; %1 is the line, %2 the event&apos;s UID.</extracomment>
        <translation>Le fichier n’est pas en UTF-8 : il a été lu en Windows-1252 (à partir de la ligne %1).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Line %1: an empty RRULE, read as a single event (%2).</source>
        <translation>Ligne %1 : une RRULE vide, lue comme un événement unique (%2).</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>line %1: </source>
        <translation>ligne %1 : </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar refused, nothing imported: %1</source>
        <translation>Calendrier refusé, rien n’a été importé : %1</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n updated</source>
        <translation>
            <numerusform>%n modifié</numerusform>
            <numerusform>%n modifiés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n unchanged</source>
        <translation>
            <numerusform>%n inchangé</numerusform>
            <numerusform>%n inchangés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n cancelled</source>
        <translation>
            <numerusform>%n annulé</numerusform>
            <numerusform>%n annulés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n event(s) read for %1 (busy time, calendar “%2”):</source>
        <translation>
            <numerusform>%n événement lu pour %1 (temps occupé, calendrier « %2 ») :</numerusform>
            <numerusform>%n événements lus pour %1 (temps occupé, calendrier « %2 ») :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n added</source>
        <translation>
            <numerusform>%n ajouté</numerusform>
            <numerusform>%n ajoutés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n removed</source>
        <translation>
            <numerusform>%n supprimé</numerusform>
            <numerusform>%n supprimés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n event(s) read for %1 (calls):</source>
        <translation>
            <numerusform>%n événement lu pour %1 (appels) :</numerusform>
            <numerusform>%n événements lus pour %1 (appels) :</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n of your own call(s) left out: not busy time.</source>
        <translation>
            <numerusform>%n de vos propres appels laissé de côté : ce n’est pas du temps occupé.</numerusform>
            <numerusform>%n de vos propres appels laissés de côté : ce n’est pas du temps occupé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n event(s) marked free: they block no time.</source>
        <translation>
            <numerusform>%n événement marqué libre : il ne bloque aucun créneau.</numerusform>
            <numerusform>%n événements marqués libres : ils ne bloquent aucun créneau.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n time(s) without a zone read in %1.</source>
        <translation>
            <numerusform>%n heure sans fuseau lue en %1.</numerusform>
            <numerusform>%n heures sans fuseau lues en %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n event(s) skipped:</source>
        <translation>
            <numerusform>%n événement ignoré :</numerusform>
            <numerusform>%n événements ignorés :</numerusform>
        </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import cancelled: nothing was imported, the agenda is unchanged.</source>
        <translation>Import annulé : rien n’a été importé, l’agenda est inchangé.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../closer_desk/ui/shell/mainwindow.py" line="+147"/>
        <source>Agenda</source>
        <extracomment>How long a change made is told in the status bar, with its undo. When the window opens on another page than the week or month (the welcome, the list), what waits for the agenda&apos;s first paint runs this long after the window is built. The Help menu&apos;s dialog last opened (``ui.shell.help``). The agenda file, when known (a new demo agenda goes beside it). Where a new agenda for the demo goes, and how it is opened (tests answer both). The preferences dialog last opened. Called with the ``AgendaCorruptError`` when the agenda turns out damaged on opening. The system&apos;s zone for the first-run form, or how to ask for it (then asked only when the form is shown). The room the search page covers (shown again when the search is left). Bands above the rooms (the reminders due): ``add_notice``. Beside a change just made elsewhere than the agenda (a booking in the planner).</extracomment>
        <translation>Agenda</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>&amp;File</source>
        <extracomment>What waits for the agenda&apos;s first paint (``when_painted``); None once it ran.</extracomment>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Calendar</source>
        <translation>&amp;Calendrier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
    <message>
        <location line="+122"/>
        <source>&amp;New call…</source>
        <extracomment>The room in front before this one (Ctrl+2 plans for the call selected in the agenda).</extracomment>
        <translation>&amp;Nouvel appel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export as P&amp;DF…</source>
        <translation>Exporter en P&amp;DF…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Load &amp;demo data</source>
        <translation>Charger les &amp;données de démonstration</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+139"/>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>&amp;Edit call…</source>
        <translation>&amp;Modifier l’appel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel call…</source>
        <translation>A&amp;nnuler l’appel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>De&amp;lete call…</source>
        <translation>&amp;Supprimer l’appel…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Find…</source>
        <translation>&amp;Rechercher…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pre&amp;ferences…</source>
        <translation>Pré&amp;férences…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Day</source>
        <translation>&amp;Jour</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>W&amp;ork week</source>
        <translation>Semaine de tra&amp;vail</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Week</source>
        <translation>&amp;Semaine</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Month</source>
        <translation>&amp;Mois</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;List</source>
        <translation>&amp;Liste</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Today</source>
        <translation>&amp;Aujourd’hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous day</source>
        <translation>Jour &amp;précédent</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next day</source>
        <translation>Jour &amp;suivant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Previous wee&amp;k</source>
        <translation>Semaine pré&amp;cédente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next wee&amp;k</source>
        <translation>Semaine sui&amp;vante</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>System</source>
        <translation>Système</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Today</source>
        <translation>Aujourd’hui</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Written to %1</source>
        <translation>Écrit dans %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message>
        <location line="-137"/>
        <location line="+140"/>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Working…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <location line="+134"/>
        <location line="+7"/>
        <source>The language will change the next time closer_desk starts.</source>
        <translation>La langue changera au prochain démarrage de closer_desk.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+11"/>
        <location line="+14"/>
        <location line="+17"/>
        <source>Demo data</source>
        <translation>Données de démonstration</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>This agenda already holds your own calls and people: the demo only goes into an empty agenda, so that it never mixes with them.

Put the demo in a new agenda file, opened in a window of its own?</source>
        <translation>Cet agenda contient déjà vos propres appels et contacts : la démo ne va que dans un agenda vide, pour ne jamais s&apos;y mêler.

Mettre la démo dans un nouveau fichier d&apos;agenda, ouvert dans sa propre fenêtre ?</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1 exists already: choose a new file name for the demo.</source>
        <translation>%1 existe déjà : choisissez un nouveau nom de fichier pour la démo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The demo opens in a new window: %1</source>
        <translation>La démo s&apos;ouvre dans une nouvelle fenêtre : %1</translation>
    </message>
    <message>
        <location line="-33"/>
        <source>Load demo data</source>
        <translation>Charger les données de démonstration</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Your first company</source>
        <translation>Votre première société</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the client company:</source>
        <translation>Nom de la société cliente :</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New company</source>
        <translation>Nouvelle société</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About you</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New closer</source>
        <translation>Nouveau closer</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location filename="../../closer_desk/ui/common/prompts.py" line="-87"/>
        <source>Unknown time zone “%1”.</source>
        <translation>Fuseau horaire « %1 » inconnu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 does not exist in %2: the clocks jump forward.</source>
        <translation>%1 n’existe pas à %2 : on avance les horloges.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1 happens twice in %2: the clocks go back.</source>
        <translation>%1 a lieu deux fois à %2 : on recule les horloges.</translation>
    </message>
    <message>
        <location line="+113"/>
        <source>This overlaps another call of the closer: %1.</source>
        <translation>Cela chevauche un autre appel du closer : %1.</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Several match “%1”.</source>
        <translation>Plusieurs correspondent à « %1 ».</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This %1 is no longer in the agenda.</source>
        <translation>Cet élément (%1) n’est plus dans l’agenda.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” already exists.</source>
        <translation>« %1 » existe déjà.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only https:// links are accepted for calls.</source>
        <translation>Seuls les liens https:// sont acceptés pour les appels.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>This is not a valid phone number (use the international form, e.g. +33 6 12 34 56 78).</source>
        <translation>Ce numéro de téléphone n’est pas valide (utilisez la forme internationale, par ex. +33 6 12 34 56 78).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This field cannot be empty.</source>
        <translation>Ce champ ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invalid value for %1.</source>
        <translation>Valeur invalide pour %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This agenda was written by a newer version of closer_desk (schema %1; this version knows up to %2). It was not changed. Update closer_desk to open it.</source>
        <translation>Cet agenda a été écrit par une version plus récente de closer_desk (schéma %1 ; cette version connaît jusqu’au %2). Il n’a pas été modifié. Mettez closer_desk à jour pour l’ouvrir.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>it was changed since (in another program, perhaps), so it was left as it is.</source>
        <translation>cela a été modifié depuis (dans un autre programme, peut-être) : rien n’a été changé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>%1&apos;s shared calendar is read-only for this account: their calls cannot be booked or changed here.</source>
        <translation>L’agenda partagé de %1 est en lecture seule pour ce compte : ses appels ne peuvent pas être réservés ni modifiés ici.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Something went wrong: %1</source>
        <translation>Une erreur est survenue : %1</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>%1 (%2) at %3</source>
        <translation>%1 (%2) le %3</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>The disk holding the agenda is full: nothing was saved. Free some space and try again (the agenda is not damaged).</source>
        <translation>Le disque qui contient l’agenda est plein : rien n’a été enregistré. Libérez de la place et réessayez (l’agenda n’est pas endommagé).</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The agenda is busy in another program; try again.</source>
        <translation>L’agenda est occupé par un autre programme ; réessayez.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The agenda is read-only: nothing was saved.</source>
        <translation>L’agenda est en lecture seule : rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The agenda is read-only and from an older version of closer_desk: make it writable once so that it can be upgraded.</source>
        <translation>L’agenda est en lecture seule et vient d’une version plus ancienne de closer_desk : rendez-le modifiable une fois pour qu’il puisse être mis à jour.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The system could not read or write the agenda (%1): nothing was saved. Check the disk, then try again.</source>
        <translation>Le système n’a pas pu lire ou écrire l’agenda (%1) : rien n’a été enregistré. Vérifiez le disque, puis réessayez.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Which time?</source>
        <translation>Quelle heure ?</translation>
    </message>
    <message>
        <location line="-83"/>
        <source>%1 already has a call at this time with %2 (%3).</source>
        <translation>%1 a déjà un appel à cette heure avec %2 (%3).</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>This call was already held or missed: it cannot move to a time still to come.</source>
        <translation>Cet appel a déjà eu lieu ou a été manqué : il ne peut pas être déplacé à une heure encore à venir.</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>This call has not happened yet: record how it went once it has started.</source>
        <translation>Cet appel n’a pas encore eu lieu : notez son issue une fois qu’il a commencé.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This call is cancelled.</source>
        <translation>Cet appel est annulé.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This call has an outcome: doing this would remove it, with its deal.</source>
        <translation>Cet appel a une issue : cela la supprimerait, avec son affaire.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This call was already held or missed.</source>
        <translation>Cet appel a déjà eu lieu ou a été manqué.</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/agenda/monthview.py" line="+321"/>
        <source>+%n more</source>
        <translation>
            <numerusform>+%n autre</numerusform>
            <numerusform>+%n autres</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Planner</name>
    <message>
        <location filename="../../closer_desk/ui/planner/room.py" line="+158"/>
        <source> min</source>
        <extracomment>How many slots &quot;Copy proposal&quot; offers when none is picked. How far &quot;Up to 1 h outside hours&quot; stretches each party&apos;s day (minutes). A prospect asked for before the lists were filled (applied when they are). (prospect id, earlier call id): the next booking for that prospect continues it. The call being rescheduled (planned from it): &quot;Move here&quot; moves it. Whether the closer picked slots themselves (the first one is selected for them). What the last booking wrote, said again with the search that follows it.</extracomment>
        <translation> min</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find slots</source>
        <translation>Chercher des créneaux</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Up to 1 h outside hours</source>
        <translation>Jusqu&apos;à 1 h hors horaires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Also look an hour before and after your day and theirs; such slots say whose hours they leave.</source>
        <translation>Chercher aussi une heure avant et après votre journée et la sienne ; ces créneaux disent de quels horaires ils sortent.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closer</source>
        <translation>Closer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>from</source>
        <translation>à partir du</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>for</source>
        <translation>sur</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy proposal</source>
        <translation>Copier la proposition</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+95"/>
        <source>Book</source>
        <translation>Réserver</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>Proposal in</source>
        <extracomment>Why Book is greyed, beside it (no company picked).</extracomment>
        <translation>Proposition en</translation>
    </message>
    <message>
        <location line="+84"/>
        <source>Move here</source>
        <translation>Déplacer ici</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Rescheduling the call of %1: pick its new time.</source>
        <translation>Replanification de l&apos;appel du %1 : choisissez sa nouvelle heure.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The call you book here follows up the earlier one.</source>
        <translation>L&apos;appel réservé ici fait suite au précédent.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>(no company)</source>
        <translation>(aucune société)</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Searching…</source>
        <translation>Recherche…</translation>
    </message>
    <message numerus="yes">
        <location line="+28"/>
        <source>%n free slot(s)</source>
        <translation>
            <numerusform>%n créneau libre</numerusform>
            <numerusform>%n créneaux libres</numerusform>
        </translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No free slot in these days: try more days or another length.</source>
        <translation>Aucun créneau libre sur ces jours : essayez plus de jours ou une autre durée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No free slot in these days: try more days, another length, or up to 1 h outside hours.</source>
        <translation>Aucun créneau libre ces jours-là : essayez plus de jours, une autre durée, ou jusqu&apos;à 1 h hors horaires.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Pick the company this call is for to book it.</source>
        <translation>Choisissez la société de cet appel pour le réserver.</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Book from the planner</source>
        <translation>Réserver depuis le planificateur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reschedule call</source>
        <translation>Replanifier l&apos;appel</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Moved the call with %1 (%2) to %3.</source>
        <translation>Appel avec %1 (%2) déplacé au %3.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Booked a call with %1 (%2) on %3.</source>
        <translation>Appel avec %1 (%2) réservé le %3.</translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Proposal of %n slot(s) copied: paste it in your message.</source>
        <translation>
            <numerusform>Proposition de %n créneau copiée : collez-la dans votre message.</numerusform>
            <numerusform>Proposition de %n créneaux copiée : collez-la dans votre message.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+12"/>
        <source>That time was just taken: search again.</source>
        <translation>Ce créneau vient d&apos;être pris : relancez la recherche.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not found any more: {0}</source>
        <translation>Introuvable : {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check {0} ({1}).</source>
        <translation>Vérifiez {0} ({1}).</translation>
    </message>
</context>
<context>
    <name>QuickProspectDialog</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/quick_prospect.py" line="+26"/>
        <source>New prospect</source>
        <translation>Nouveau prospect</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. CA (for public holidays and the weekend)</source>
        <translation>p. ex. CA (pour les jours fériés et le week-end)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country:</source>
        <translation>Pays :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
</context>
<context>
    <name>Rooms</name>
    <message>
        <location filename="../../closer_desk/ui/shell/rooms_wiring.py" line="+116"/>
        <source>Planner</source>
        <extracomment>The sync&apos;s part of the window is built, and its first sync started, after the first paint. How wide the details pane opens once it holds the call&apos;s desk. Each room&apos;s action in the Go menu.</extracomment>
        <translation>Planificateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Companies</source>
        <translation>Sociétés</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Prospects</source>
        <translation>Prospects</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Closers</source>
        <translation>Closers</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reports</source>
        <translation>Rapports</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Pipeline</source>
        <translation>Pipeline</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Outbox</source>
        <translation>Boîte d&apos;envoi</translation>
    </message>
    <message>
        <location line="+156"/>
        <source>Save invite…</source>
        <translation>Enregistrer l&apos;invitation…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy invite</source>
        <translation>Copier l&apos;invitation</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurer une sauvegarde…</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>The agenda is damaged: it was not opened.</source>
        <translation>L&apos;agenda est endommagé : il n&apos;a pas été ouvert.</translation>
    </message>
</context>
<context>
    <name>Sidebar</name>
    <message>
        <location filename="../../closer_desk/ui/shell/sidebar.py" line="+61"/>
        <source>Search prospects and companies</source>
        <translation>Rechercher prospects et sociétés</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Closer</source>
        <translation>Closer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Companies</source>
        <translation>Sociétés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Second time scale</source>
        <translation>Deuxième échelle horaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Selected prospect&apos;s zone</source>
        <translation>Fuseau du prospect sélectionné</translation>
    </message>
</context>
<context>
    <name>SlotTableModel</name>
    <message>
        <location filename="../../closer_desk/ui/planner/slot_model.py" line="+24"/>
        <source>Prospect&apos;s time</source>
        <extracomment>Role giving the row&apos;s ``Slot`` (sort on ``SORT_ROLE``: epoch seconds, or the flag count).</extracomment>
        <translation>Heure du prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your time</source>
        <translation>Votre heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To know</source>
        <translation>À savoir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>public holiday</source>
        <translation>jour férié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>your public holiday</source>
        <translation>votre jour férié</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>their weekend</source>
        <translation>leur week-end</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>clocks out of step this week</source>
        <translation>changements d&apos;heure décalés cette semaine</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>early for you</source>
        <translation>tôt pour vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>late for you</source>
        <translation>tard pour vous</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>early for them</source>
        <translation>tôt pour eux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>late for them</source>
        <translation>tard pour eux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outside your hours</source>
        <translation>hors de vos horaires</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outside their hours</source>
        <translation>hors de ses horaires</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>before your hours</source>
        <extracomment>Outside a party&apos;s hours and early (or late) for them: said in one go.</extracomment>
        <translation>avant vos horaires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>after your hours</source>
        <translation>après vos horaires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>before their hours</source>
        <translation>avant ses horaires</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>after their hours</source>
        <translation>après ses horaires</translation>
    </message>
</context>
<context>
    <name>TimeGrid</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/grid_blocks.py" line="+112"/>
        <source>%1 %2 · %3</source>
        <translation>%1 %2 · %3</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/agenda/timegrid.py" line="+540"/>
        <source>Busy %1–%2 (imported from %3)</source>
        <translation>Occupé %1–%2 (importé de %3)</translation>
    </message>
</context>
<context>
    <name>WallTimeEdit</name>
    <message>
        <location filename="../../closer_desk/ui/agenda/wall_time.py" line="+72"/>
        <location line="+1"/>
        <source>Pick the day</source>
        <translation>Choisir le jour</translation>
    </message>
</context>
<context>
    <name>WelcomePanel</name>
    <message>
        <location filename="../../closer_desk/ui/shell/firstrun.py" line="+41"/>
        <source>Welcome to closer_desk</source>
        <translation>Bienvenue dans closer_desk</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Your agenda is empty. Start with sample calls to look around, or with your own first client company.</source>
        <translation>Votre agenda est vide. Commencez avec des appels d’exemple pour découvrir, ou avec votre première société cliente.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>About you</source>
        <translation>Vous</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Mon</source>
        <translation>lun.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tue</source>
        <translation>mar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wed</source>
        <translation>mer.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Thu</source>
        <translation>jeu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fri</source>
        <translation>ven.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sat</source>
        <translation>sam.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sun</source>
        <translation>dim.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save</source>
        <translation>Enregistrer</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your name:</source>
        <translation>Votre nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Home time zone:</source>
        <translation>Fuseau horaire :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working hours:</source>
        <translation>Heures de travail :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working days:</source>
        <translation>Jours travaillés :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Load demo data</source>
        <translation>Charger des données de démonstration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add your first company</source>
        <translation>Ajouter votre première société</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Please enter your name.</source>
        <translation>Saisissez votre nom.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unknown time zone.</source>
        <translation>Fuseau horaire inconnu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your day must end after it starts.</source>
        <translation>Votre journée doit finir après avoir commencé.</translation>
    </message>
</context>
<context>
    <name>ZonePicker</name>
    <message>
        <location filename="../../closer_desk/ui/common/zonepicker.py" line="+160"/>
        <source>Search a city or zone, e.g. Paris</source>
        <extracomment>The role holding the text the completer inserts (the zone name as listed). The role holding the IANA zone a row stands for.</extracomment>
        <translation>Ville ou fuseau, p. ex. Paris</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+1"/>
        <source>Show all zones</source>
        <translation>Afficher tous les fuseaux</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>unknown zone</source>
        <translation>fuseau inconnu</translation>
    </message>
</context>
<context>
    <name>links</name>
    <message>
        <location filename="../../closer_desk/ui/common/links.py" line="+24"/>
        <source>This link was not opened: only https:, tel: and mailto: links can be opened from closer_desk.

{link}</source>
        <translation>Ce lien n&apos;a pas été ouvert : closer_desk n&apos;ouvre que les liens https:, tel: et mailto:.

{link}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Link not opened</source>
        <translation>Lien non ouvert</translation>
    </message>
</context>
</TS>
