<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../closer_desk/ui/sync/conflicts.py" line="+59"/>
        <source>Sync conflicts</source>
        <translation>Conflits de synchronisation</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>These calls were changed here and on the server in the same place. Until you choose, this agenda keeps its own version.</source>
        <translation>Ces appels ont été modifiés ici et sur le serveur au même endroit. Tant que vous n’avez pas choisi, cet agenda garde sa propre version.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Changed</source>
        <translation>Modifié</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Mine (this agenda)</source>
        <translation>La mienne (cet agenda)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Theirs (server)</source>
        <translation>La leur (serveur)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keep mine</source>
        <translation>Garder la mienne</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep theirs</source>
        <translation>Garder la leur</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>No conflict waits.</source>
        <translation>Aucun conflit en attente.</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Kept mine: it goes to the server at the next sync.</source>
        <translation>Version gardée : la mienne ; elle part au serveur à la prochaine synchronisation.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Kept theirs: the server&apos;s version is in the agenda.</source>
        <translation>Version gardée : la leur ; celle du serveur est dans l’agenda.</translation>
    </message>
</context>
<context>
    <name>SubscriptionDialog</name>
    <message>
        <location filename="../../closer_desk/ui/sync/setup_dialog.py" line="+57"/>
        <source>Add subscription</source>
        <translation>Ajouter un abonnement</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>e.g. My Google calendar</source>
        <translation>p. ex. Mon agenda Google</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>only if the calendar asks for one</source>
        <translation>seulement si le calendrier en demande un</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Address:</source>
        <translation>Adresse :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name:</source>
        <translation>Nom :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
</context>
<context>
    <name>Sync</name>
    <message>
        <location filename="../../closer_desk/ui/sync/words.py" line="+41"/>
        <source>the server cannot be reached</source>
        <extracomment>Problems that mean &quot;not reachable now&quot;: the window works offline and tries again later.</extracomment>
        <translation>le serveur est injoignable</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server did not answer in time</source>
        <translation>le serveur n’a pas répondu à temps</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server refused the user name or password</source>
        <translation>le serveur a refusé l’identifiant ou le mot de passe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>this account may not do that on the server</source>
        <translation>ce compte n’a pas ce droit sur le serveur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>there is no calendar at that address</source>
        <translation>il n’y a pas d’agenda à cette adresse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>that address is not a CalDAV calendar</source>
        <translation>cette adresse n’est pas un agenda CalDAV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server is out of space (or over its quota)</source>
        <translation>le serveur n’a plus de place (ou le quota est dépassé)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server&apos;s answer is not valid CalDAV</source>
        <translation>la réponse du serveur n’est pas du CalDAV valide</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the server failed</source>
        <translation>le serveur a échoué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the address must start with https://</source>
        <translation>l’adresse doit commencer par https://</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not a usable address</source>
        <translation>adresse inutilisable</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>This closer has no shared calendar.</source>
        <translation>Ce closer n’a pas d’agenda partagé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” is not a usable address.</source>
        <translation>« %1 » n’est pas une adresse utilisable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“%1” must start with https:// (http:// only to this machine).</source>
        <translation>« %1 » doit commencer par https:// (http:// seulement vers cette machine).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>“%1” is a closer&apos;s shared calendar: its calls are already in the agenda.</source>
        <translation>« %1 » est l’agenda partagé d’un closer : ses appels sont déjà dans l’agenda.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sync of %1 stopped: the server suddenly holds none of the shared calls.</source>
        <translation>Synchronisation de %1 arrêtée : le serveur ne contient soudain plus aucun des appels partagés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sync of %1 stopped: the agenda suddenly holds none of the shared calls.</source>
        <translation>Synchronisation de %1 arrêtée : l’agenda ne contient soudain plus aucun des appels partagés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No password for %1: enter it in Shared calendars.</source>
        <translation>Pas de mot de passe pour %1 : saisissez-le dans Agendas partagés.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No password for %1: there is no safe keyring here; set %2.</source>
        <translation>Pas de mot de passe pour %1 : il n’y a pas de trousseau sûr ici ; définissez %2.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Link</source>
        <translation>Lien</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Company name</source>
        <translation>Nom de la société</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect</source>
        <translation>Prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect&apos;s name</source>
        <translation>Nom du prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect&apos;s e-mail</source>
        <translation>E-mail du prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect&apos;s zone</source>
        <translation>Fuseau du prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect&apos;s country</source>
        <translation>Pays du prospect</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prospect&apos;s language</source>
        <translation>Langue du prospect</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%n min</source>
        <translation>%n min</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>(deleted here)</source>
        <translation>(supprimé ici)</translation>
    </message>
</context>
<context>
    <name>SyncArea</name>
    <message>
        <location filename="../../closer_desk/ui/sync/area.py" line="+62"/>
        <source>&amp;Shared calendars…</source>
        <translation>&amp;Agendas partagés…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ync now</source>
        <translation>S&amp;ynchroniser maintenant</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sync &amp;conflicts…</source>
        <translation>&amp;Conflits de synchronisation…</translation>
    </message>
</context>
<context>
    <name>SyncFlagNote</name>
    <message>
        <location filename="../../closer_desk/ui/sync/flag_note.py" line="+95"/>
        <source>To rebook: overlaps the call with %1 (%2), booked before it.</source>
        <translation>À replanifier : chevauche l’appel avec %1 (%2), réservé avant lui.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Overlaps the call with %1 (%2), booked after it: that one moves.</source>
        <translation>Chevauche l’appel avec %1 (%2), réservé après lui : c’est lui qui change d’horaire.</translation>
    </message>
</context>
<context>
    <name>SyncScheduler</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/sync/scheduler.py" line="+192"/>
        <source>Not sent: %n; </source>
        <extracomment>Minutes between two background syncs, unless the settings say otherwise. The setting holding that interval (minutes; 0 turns the timer off). How long after a change the window wrote it is sent (a few edits in a row go together). How soon a sync is tried again while the server cannot be reached. The background sync waits less than the CLI for a server (it holds the one worker).</extracomment>
        <translation>
            <numerusform>Non envoyée : %n ; </numerusform>
            <numerusform>Non envoyées : %n ; </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SyncSetupDialog</name>
    <message>
        <location filename="../../closer_desk/ui/sync/setup_dialog.py" line="+45"/>
        <source>Shared calendars</source>
        <translation>Agendas partagés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The closer&apos;s calendar (CalDAV)</source>
        <translation>L’agenda du closer (CalDAV)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>none if the server needs no login</source>
        <translation>aucun si le serveur ne demande pas d’identifiant</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>kept in the system keyring</source>
        <translation>gardé dans le trousseau du système</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closer:</source>
        <translation>Closer :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Calendar address:</source>
        <translation>Adresse de l’agenda :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User:</source>
        <translation>Utilisateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>Mot de passe :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Test the connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Share this closer&apos;s calls</source>
        <translation>Partager les appels de ce closer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stop sharing</source>
        <translation>Arrêter le partage</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Subscriptions (busy time)</source>
        <translation>Abonnements (temps occupé)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add subscription…</source>
        <translation>Ajouter un abonnement…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <location line="+126"/>
        <source>Enter the calendar&apos;s address first.</source>
        <translation>Saisissez d’abord l’adresse de l’agenda.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Connected: a calendar this account may only read.</source>
        <translation>Connecté : un agenda que ce compte peut seulement lire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected: a calendar this account may read and write.</source>
        <translation>Connecté : un agenda que ce compte peut lire et modifier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Connected: no calendar there yet; sharing creates it.</source>
        <translation>Connecté : pas encore d’agenda à cette adresse ; le partage le crée.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Testing the connection…</source>
        <translation>Test de la connexion…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>read and write</source>
        <translation>lecture et écriture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>read only</source>
        <translation>lecture seule</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>rights not told</source>
        <translation>droits non précisés</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1&apos;s calls are shared (%2).</source>
        <translation>Les appels de %1 sont partagés (%2).</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+69"/>
        <source>No safe keyring here: the password is read from %1.</source>
        <translation>Pas de trousseau sûr ici : le mot de passe est lu dans %1.</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>Setting up…</source>
        <translation>Configuration…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not shared any more: the calls stay here and on the server.</source>
        <translation>Plus partagé : les appels restent ici et sur le serveur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stopping…</source>
        <translation>Arrêt…</translation>
    </message>
    <message numerus="yes">
        <location line="+41"/>
        <source>%1 subscribed; events read as busy time: %n.</source>
        <translation>
            <numerusform>%1 : abonnement ajouté ; événement lu comme temps occupé : %n.</numerusform>
            <numerusform>%1 : abonnement ajouté ; événements lus comme temps occupé : %n.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Reading the calendar…</source>
        <translation>Lecture de l’agenda…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add subscription</source>
        <translation>Ajouter un abonnement</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 removed, with its busy time.</source>
        <translation>%1 retiré, avec son temps occupé.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Removing…</source>
        <translation>Retrait…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove subscription</source>
        <translation>Retirer l’abonnement</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <location filename="../../closer_desk/ui/sync/status.py" line="+62"/>
        <source>Syncing…</source>
        <extracomment>The widest the state may be in the status bar.</extracomment>
        <translation>Synchronisation…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offline: the sync resumes when the server answers</source>
        <translation>Hors ligne : la synchronisation reprendra quand le serveur répondra</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Synced %1</source>
        <translation>Synchronisé à %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not synced yet</source>
        <translation>Pas encore synchronisé</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>To send: %n</source>
        <translation>
            <numerusform>À envoyer : %n</numerusform>
            <numerusform>À envoyer : %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>Conflicts: %n</source>
        <translation>
            <numerusform>Conflit : %n</numerusform>
            <numerusform>Conflits : %n</numerusform>
        </translation>
    </message>
</context>
</TS>
