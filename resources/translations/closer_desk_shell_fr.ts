<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../closer_desk/ui/shell/help.py" line="+190"/>
        <source>About %1</source>
        <translation>À propos de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An agenda for remote sales closers, on your own computer.</source>
        <translation>Un agenda pour closers à distance, sur votre propre ordinateur.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Version:</source>
        <translation>Version :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Licence:</source>
        <translation>Licence :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 licence</source>
        <translation>Licence %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your agenda:</source>
        <translation>Votre agenda :</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>(not known)</source>
        <translation>(inconnu)</translation>
    </message>
</context>
<context>
    <name>DataDialog</name>
    <message>
        <location line="+11"/>
        <source>Where my data lives</source>
        <translation>Où sont mes données</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not known)</source>
        <translation>(inconnu)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everything stays on this computer, readable by you only. Copy the agenda file to keep or move all your calls and people.</source>
        <translation>Tout reste sur cet ordinateur, lisible par vous seul. Copiez le fichier d&apos;agenda pour garder ou déplacer tous vos appels et contacts.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Agenda:</source>
        <translation>Agenda :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Daily backups:</source>
        <translation>Sauvegardes quotidiennes :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Preferences:</source>
        <translation>Préférences :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mail passwords:</source>
        <translation>Mots de passe de messagerie :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the system keyring, never in the agenda file</source>
        <translation>dans le trousseau du système, jamais dans le fichier d&apos;agenda</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared calendar and subscription passwords:</source>
        <translation>Mots de passe des agendas partagés et des abonnements :</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in the system keyring, never in the agenda file (without a safe keyring, read from %1)</source>
        <translation>dans le trousseau du système, jamais dans le fichier d&apos;agenda (sans trousseau sûr, lus dans %1)</translation>
    </message>
</context>
<context>
    <name>Demo</name>
    <message>
        <location filename="../../closer_desk/ui/shell/demo_offer.py" line="+51"/>
        <source>New agenda for the demo</source>
        <translation>Nouvel agenda pour la démo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Agendas (*.sqlite3)</source>
        <translation>Agendas (*.sqlite3)</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../closer_desk/ui/shell/help.py" line="-162"/>
        <source> or </source>
        <extracomment>The licence the project is published under (pyproject.toml).</extracomment>
        <translation> ou </translation>
    </message>
    <message>
        <location line="+186"/>
        <source>&amp;About %1</source>
        <translation>À &amp;propos de %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Where my data lives</source>
        <translation>&amp;Où sont mes données</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../closer_desk/ui/shell/preferences_dialog.py" line="+59"/>
        <source>Preferences</source>
        <translation>Préférences</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+24"/>
        <source>As the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>As the language writes it (%1)</source>
        <translation>Comme la langue l&apos;écrit (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24 hours (15:00)</source>
        <translation>24 heures (15:00)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>12 hours (3:00 PM)</source>
        <translation>12 heures (3:00 PM)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source> min before</source>
        <translation> min avant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No reminder</source>
        <translation>Pas de rappel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The language changes the next time closer_desk starts.</source>
        <translation>La langue change au prochain démarrage de closer_desk.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Colours:</source>
        <translation>&amp;Couleurs :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Times:</source>
        <translation>&amp;Heures :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Weeks start on:</source>
        <translation>Les &amp;semaines commencent le :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New calls remind:</source>
        <translation>Rappel des &amp;nouveaux appels :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language:</source>
        <translation>&amp;Langue :</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Default call length per company</source>
        <translation>Durée d&apos;appel par défaut de chaque société</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Company</source>
        <translation>Société</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each company has its own: the planner and new calls start from it. Change it in the company&apos;s dialog.</source>
        <translation>Chaque société a la sienne : le planificateur et les nouveaux appels en partent. Changez-la dans la fiche de la société.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Change in Companies…</source>
        <translation>Changer dans Sociétés…</translation>
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
    <name>ReminderLine</name>
    <message>
        <location line="-60"/>
        <source>Open</source>
        <extracomment>The snoozes offered, in minutes.</extracomment>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snooze</source>
        <translation>Plus tard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <location filename="../../closer_desk/ui/shell/search.py" line="+107"/>
        <source>Searching…</source>
        <extracomment>How long the typing pauses before the search runs.</extracomment>
        <translation>Recherche…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No call matches %1: try part of a name, or another spelling.</source>
        <translation>Aucun appel ne correspond à %1 : essayez une partie d&apos;un nom, ou une autre orthographe.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%n call(s) match %1; the first %2 are listed: type more to narrow.</source>
        <translation>
            <numerusform>%n appel correspond à %1 ; les %2 premiers sont listés : précisez pour réduire.</numerusform>
            <numerusform>%n appels correspondent à %1 ; les %2 premiers sont listés : précisez pour réduire.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%n call(s) match %1.</source>
        <translation>
            <numerusform>%n appel correspond à %1.</numerusform>
            <numerusform>%n appels correspondent à %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../closer_desk/ui/shell/help.py" line="-167"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Menu</source>
        <translation>Menu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Keys without Ctrl work in the agenda, and never while you type in a field: there they type.</source>
        <translation>Les touches sans Ctrl agissent dans l&apos;agenda, jamais pendant que vous écrivez dans un champ : là, elles s&apos;écrivent.</translation>
    </message>
</context>
<context>
    <name>_PlacesDialog</name>
    <message>
        <location line="+54"/>
        <source>Open the folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
</context>
</TS>
