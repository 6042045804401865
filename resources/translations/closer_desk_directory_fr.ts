<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AvailabilityDialog</name>
    <message>
        <location filename="../../closer_desk/ui/directory/availability.py" line="+106"/>
        <source>Availability of %1</source>
        <translation>Disponibilités de %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Weekly hours</source>
        <translation>&amp;Semaine type</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Days off and extra hours</source>
        <translation>&amp;Congés et heures en plus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;ravel</source>
        <translation>&amp;Déplacements</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Booking &amp;rules</source>
        <translation>&amp;Règles de réservation</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Hours in %1 time, several intervals separated by commas, e.g. 09:00-12:00, 14:00-18:00. Empty: not working.</source>
        <translation>Heures à l’heure de %1, plusieurs plages séparées par des virgules, p. ex. 09:00-12:00, 14:00-18:00. Vide : jour non travaillé.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not working</source>
        <translation>non travaillé</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Copy Monday to Tuesday–Friday</source>
        <translation>Co&amp;pier lundi sur mardi–vendredi</translation>
    </message>
    <message>
        <location line="-83"/>
        <location line="+108"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="-106"/>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Day off</source>
        <translation>Congé</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>empty: day off; or e.g. 10:00-14:00</source>
        <translation>vide : congé ; ou p. ex. 10:00-14:00</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <source>&amp;Add</source>
        <translation>&amp;Ajouter</translation>
    </message>
    <message>
        <location line="-29"/>
        <location line="+30"/>
        <source>Re&amp;move</source>
        <translation>&amp;Enlever</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Hours that day</source>
        <translation>Heures ce jour-là</translation>
    </message>
    <message>
        <location line="-93"/>
        <location line="+123"/>
        <source>From</source>
        <translation>Du</translation>
    </message>
    <message>
        <location line="-122"/>
        <source>To</source>
        <translation>Au</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time zone</source>
        <translation>Fuseau horaire</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Edit availability</source>
        <translation>Modifier les disponibilités</translation>
    </message>
    <message>
        <location line="+95"/>
        <source>To (included)</source>
        <translation>Au (inclus)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Working from</source>
        <translation>Travaille depuis</translation>
    </message>
    <message>
        <location line="+23"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No limit</source>
        <translation>Sans limite</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free time &amp;before a call</source>
        <translation>Temps libre a&amp;vant un appel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Free time &amp;after a call</source>
        <translation>Temps libre a&amp;près un appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum &amp;notice</source>
        <translation>Délai de prévenance &amp;minimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Most &amp;calls a day</source>
        <translation>Nombre maximal d’appe&amp;ls par jour</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 h %2 a week</source>
        <translation>%1 h %2 par semaine</translation>
    </message>
</context>
<context>
    <name>CloserDialog</name>
    <message>
        <location filename="../../closer_desk/ui/directory/closer_dialog.py" line="+32"/>
        <source>Edit closer</source>
        <translation>Modifier le closer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New closer</source>
        <translation>Nouveau closer</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>Courri&amp;el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Home time zone</source>
        <translation>&amp;Fuseau horaire de référence</translation>
    </message>
</context>
<context>
    <name>ClosersRoom</name>
    <message>
        <location filename="../../closer_desk/ui/directory/rooms.py" line="+286"/>
        <source>&amp;Mail account…</source>
        <translation>Compte de &amp;messagerie…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Filter closers…</source>
        <translation>Filtrer les closers…</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>&amp;Availability…</source>
        <translation>&amp;Disponibilités…</translation>
    </message>
</context>
<context>
    <name>ColorField</name>
    <message>
        <location filename="../../closer_desk/ui/directory/company_dialog.py" line="+57"/>
        <location line="+1"/>
        <source>Pick a colour</source>
        <translation>Choisir une couleur</translation>
    </message>
</context>
<context>
    <name>CompaniesRoom</name>
    <message>
        <location filename="../../closer_desk/ui/directory/rooms.py" line="-46"/>
        <source>Filter companies…</source>
        <translation>Filtrer les sociétés…</translation>
    </message>
</context>
<context>
    <name>CompanyDialog</name>
    <message>
        <location filename="../../closer_desk/ui/directory/company_dialog.py" line="+49"/>
        <source>Edit company</source>
        <translation>Modifier la société</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New company</source>
        <translation>Nouvelle société</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. 15 %</source>
        <translation>p. ex. 15 %</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Video call</source>
        <translation>Appel vidéo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone call</source>
        <translation>Appel téléphonique</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The call guide, one step per line</source>
        <translation>Le guide d’appel, une étape par ligne</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>e.g. FR</source>
        <translation>p. ex. FR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. mon-fri 09:00-17:00 (empty: no limit)</source>
        <translation>p. ex. lun-ven 09:00-17:00 (vide : sans limite)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co&amp;lour</source>
        <translation>Co&amp;uleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Commission</source>
        <translation>&amp;Commission</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;call</source>
        <translation>&amp;Type d’appel par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Default &amp;length</source>
        <translation>&amp;Durée par défaut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Video &amp;link</source>
        <translation>&amp;Lien vidéo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;ountry</source>
        <translation>&amp;Pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hours for its calls</source>
        <translation>&amp;Heures de ses appels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Closing &amp;script</source>
        <translation>&amp;Script de closing</translation>
    </message>
</context>
<context>
    <name>DirectoryRoom</name>
    <message>
        <location filename="../../closer_desk/ui/directory/rooms.py" line="-108"/>
        <source>Filter…</source>
        <translation>Filtrer…</translation>
    </message>
    <message>
        <location line="-35"/>
        <source>&amp;New…</source>
        <extracomment>The widest a column gets when sized to its contents, in pixels. What a subclass declares: its table model and its editor (called as ``EDITOR(source, row, clock=, parent=)``). Which load the rows on screen should come from: an older answer is dropped.</extracomment>
        <translation>&amp;Nouveau…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Modifier…</translation>
    </message>
</context>
<context>
    <name>DirectoryTable</name>
    <message>
        <location filename="../../closer_desk/ui/directory/models.py" line="+58"/>
        <source>Video</source>
        <translation>Vidéo</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+53"/>
        <source>Phone</source>
        <translation>Téléphone</translation>
    </message>
    <message>
        <location line="-47"/>
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm</source>
        <translation>Tiède</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cold</source>
        <translation>Froid</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+25"/>
        <location line="+25"/>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>Commission</source>
        <translation>Commission</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call</source>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Length</source>
        <translation>Durée</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+27"/>
        <location line="+15"/>
        <source>Zone</source>
        <translation>Fuseau</translation>
    </message>
    <message>
        <location line="-41"/>
        <location line="+28"/>
        <source>Country</source>
        <translation>Pays</translation>
    </message>
    <message>
        <location line="-27"/>
        <location line="+41"/>
        <source>Hours</source>
        <translation>Heures</translation>
    </message>
    <message>
        <location line="-27"/>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Temperature</source>
        <translation>Température</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+15"/>
        <source>E-mail</source>
        <translation>Courriel</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <location filename="../../closer_desk/ui/directory/field_errors.py" line="+27"/>
        <source>Expected a date and time as YYYY-MM-DD HH:MM.</source>
        <translation>Date et heure attendues sous la forme AAAA-MM-JJ HH:MM.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected a date as YYYY-MM-DD.</source>
        <translation>Date attendue sous la forme AAAA-MM-JJ.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected a number.</source>
        <translation>Nombre attendu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must be greater than zero.</source>
        <translation>Doit être supérieur à zéro.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Too long.</source>
        <translation>Trop long.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be negative.</source>
        <translation>Ne peut pas être négatif.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot be more than 100%.</source>
        <translation>Ne peut pas dépasser 100 %.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Expected a time of day as HH:MM.</source>
        <translation>Heure attendue sous la forme HH:MM.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected hours as HH:MM-HH:MM, separated by commas.</source>
        <translation>Plages attendues sous la forme HH:MM-HH:MM, séparées par des virgules.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ends before it starts.</source>
        <translation>La fin précède le début.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>These hours overlap.</source>
        <translation>Ces plages se chevauchent.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a day of the week.</source>
        <translation>Ce n’est pas un jour de la semaine.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected hours like “mon-fri 09:00-18:00”.</source>
        <translation>Heures attendues comme « lun-ven 09:00-18:00 ».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected a three-letter currency code such as EUR.</source>
        <translation>Code de devise à trois lettres attendu, p. ex. EUR.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only https:// links are accepted for calls.</source>
        <translation>Seuls les liens https:// sont acceptés pour les appels.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a valid link.</source>
        <translation>Lien non valide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a valid phone number (use the international form, e.g. +33 6 12 34 56 78).</source>
        <translation>Numéro de téléphone non valide (utilisez la forme internationale, p. ex. +33 6 12 34 56 78).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not a valid e-mail address.</source>
        <translation>Adresse électronique non valide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected a colour as #rrggbb.</source>
        <translation>Couleur attendue sous la forme #rrvvbb.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expected a two-letter country code such as FR.</source>
        <translation>Code pays à deux lettres attendu, p. ex. FR.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected a two-letter language code such as fr.</source>
        <translation>Code de langue à deux lettres attendu, p. ex. fr.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cannot be empty.</source>
        <translation>Ne peut pas être vide.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Out of range.</source>
        <translation>Hors limites.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required.</source>
        <translation>Obligatoire.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Not accepted.</source>
        <translation>Non accepté.</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Not a region of that country (e.g. QC for Québec, NY for New York).</source>
        <translation>Pas une région de ce pays (p. ex. QC pour le Québec, NY pour New York).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not one of the allowed values.</source>
        <translation>Ne fait pas partie des valeurs permises.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only https:, tel: and mailto: links can be opened.</source>
        <translation>Seuls les liens https:, tel: et mailto: peuvent être ouverts.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This call is cancelled.</source>
        <translation>Cet appel est annulé.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This cannot be changed here.</source>
        <translation>Ceci ne peut pas être modifié ici.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a known outcome.</source>
        <translation>Résultat inconnu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A deal value is only recorded for a won deal.</source>
        <translation>Un montant n’est enregistré que pour une vente gagnée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The agenda already holds data: sample data only goes into an empty agenda.</source>
        <translation>L’agenda contient déjà des données : les données d’exemple ne vont que dans un agenda vide.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>There is no agenda there.</source>
        <translation>Il n’y a pas d’agenda à cet endroit.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a folder, not a file.</source>
        <translation>C’est un dossier, pas un fichier.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not valid text (UTF-8): nothing was saved.</source>
        <translation>Texte non valide (UTF-8) : rien n’a été enregistré.</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Unknown time zone “%1” (pick one from the list, e.g. Europe/Paris).</source>
        <translation>Fuseau horaire « %1 » inconnu (choisissez-en un dans la liste, p. ex. Europe/Paris).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>“%1” already exists.</source>
        <translation>« %1 » existe déjà.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Several match: %1.</source>
        <translation>Plusieurs correspondent : %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not found: it may have been deleted meanwhile.</source>
        <translation>Introuvable : peut-être supprimé entre-temps.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Could not save: %1</source>
        <translation>Enregistrement impossible : %1</translation>
    </message>
    <message>
        <location line="-45"/>
        <source>Expected a server as host or host:port.</source>
        <translation>Serveur attendu sous la forme hôte ou hôte:port.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected a port from 1 to 65535.</source>
        <translation>Port attendu de 1 à 65535.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not a usable login name.</source>
        <translation>Identifiant de connexion inutilisable.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The prospect has no e-mail address.</source>
        <translation>Le prospect n&apos;a pas d&apos;adresse e-mail.</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>A percentage with at most two decimals (15 means 15%).</source>
        <translation>Un pourcentage avec au plus deux décimales (15 veut dire 15 %).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Outside the years closer_desk accepts (%1 to %2).</source>
        <translation>Hors des années acceptées par closer_desk (%1 à %2).</translation>
    </message>
</context>
<context>
    <name>ProspectDialog</name>
    <message>
        <location filename="../../closer_desk/ui/directory/prospect_dialog.py" line="+110"/>
        <source>Edit prospect</source>
        <extracomment>A name the store said is taken: saving it again adds a namesake on purpose.</extracomment>
        <translation>Modifier le prospect</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New prospect</source>
        <translation>Nouveau prospect</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>e.g. CA</source>
        <translation>p. ex. CA</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>e.g. QC (for regional holidays)</source>
        <translation>p. ex. QC (pour les jours fériés régionaux)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Hot</source>
        <translation>Chaud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warm</source>
        <translation>Tiède</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cold</source>
        <translation>Froid</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. mon-fri 09:00-17:00 (empty: usual office hours)</source>
        <translation>p. ex. lun-ven 09:00-17:00 (vide : heures de bureau habituelles)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Organisation</source>
        <translation>&amp;Organisation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;E-mail</source>
        <translation>Courri&amp;el</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Phone</source>
        <translation>&amp;Téléphone</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Country</source>
        <translation>&amp;Pays</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Region</source>
        <translation>&amp;Région</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Time zone</source>
        <translation>&amp;Fuseau horaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tem&amp;perature</source>
        <translation>Tempér&amp;ature</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Business hours</source>
        <translation>&amp;Heures ouvrées</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>What they need to solve</source>
        <translation>Ce qu’il ou elle doit résoudre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why they would buy now</source>
        <translation>Pourquoi acheter maintenant</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What holds them back</source>
        <translation>Ce qui le ou la retient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anything else</source>
        <translation>Tout le reste</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Private client file</source>
        <translation>Dossier client privé</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>Stays on this computer: never put in an invite or an export.</source>
        <translation>Reste sur cet ordinateur : jamais dans une invitation ni un export.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nee&amp;d</source>
        <translation>&amp;Besoin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Motivations</source>
        <translation>&amp;Motivations</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bloc&amp;kages</source>
        <translation>Fre&amp;ins</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No&amp;tes</source>
        <translation>Note&amp;s</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>Save again to add another prospect with this name.</source>
        <translation>Enregistrez à nouveau pour ajouter un autre prospect de ce nom.</translation>
    </message>
</context>
<context>
    <name>ProspectsRoom</name>
    <message>
        <location filename="../../closer_desk/ui/directory/rooms.py" line="+161"/>
        <source>Filter prospects by name, organisation, phone…</source>
        <translation>Filtrer les prospects par nom, organisation, téléphone…</translation>
    </message>
</context>
<context>
    <name>ReminderTray</name>
    <message>
        <location filename="../../closer_desk/ui/shell/reminders.py" line="+314"/>
        <source>Show closer_desk</source>
        <translation>Afficher closer_desk</translation>
    </message>
</context>
<context>
    <name>ReminderWords</name>
    <message numerus="yes">
        <location line="-66"/>
        <source>Call with %1 in %n min</source>
        <extracomment>How far ahead the scheduler loads calls; it reloads at least this often. The longest the timer sleeps, so a suspended laptop or a changed clock is caught up soon. Snoozed reminders (by key) and when they are due again.</extracomment>
        <translation>
            <numerusform>Appel avec %1 dans %n min</numerusform>
            <numerusform>Appel avec %1 dans %n min</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call with %1: it has started</source>
        <translation>Appel avec %1 : il a commencé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 at %2 — %3 their time (%4)</source>
        <translation>%1 à %2 — %3 chez lui ou elle (%4)</translation>
    </message>
</context>
<context>
    <name>ZoneSuggestion</name>
    <message>
        <location filename="../../closer_desk/ui/directory/prospect_dialog.py" line="-204"/>
        <location line="+18"/>
        <source>Zone from the number:</source>
        <extracomment>Languages offered first; any two-letter code may be typed.</extracomment>
        <translation>Fuseau d’après le numéro :</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>&amp;Use</source>
        <translation>&amp;Utiliser</translation>
    </message>
    <message numerus="yes">
        <location line="+13"/>
        <source>%n possible zone(s) for this number:</source>
        <translation>
            <numerusform>%n fuseau possible pour ce numéro :</numerusform>
            <numerusform>%n fuseaux possibles pour ce numéro :</numerusform>
        </translation>
    </message>
</context>
</TS>
