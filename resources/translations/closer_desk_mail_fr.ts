<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>InviteBadge</name>
    <message>
        <location filename="../../closer_desk/ui/mail/badge.py" line="+80"/>
        <location line="+92"/>
        <source>Send invite</source>
        <extracomment>Badge colours (background, text), readable on light and dark themes alike. The dot on a call&apos;s block in the grid: the invites the prospect has, and their answers (saturated enough for light and dark grids; none for a call never sent).</extracomment>
        <translation>Envoyer l&apos;invitation</translation>
    </message>
    <message>
        <location line="-91"/>
        <source>Accept new time</source>
        <translation>Accepter le nouvel horaire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decline new time</source>
        <translation>Refuser le nouvel horaire</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>The prospect proposes %1 at %2.</source>
        <translation>Le prospect propose le %1 à %2.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Last sent %1 at %2.</source>
        <translation>Dernier envoi le %1 à %2.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Send again</source>
        <translation>Renvoyer</translation>
    </message>
</context>
<context>
    <name>Mail</name>
    <message>
        <location filename="../../closer_desk/ui/mail/actions.py" line="+40"/>
        <source>Send the update</source>
        <extracomment>The app setting that remembers the answer to &quot;Send the update to the prospect?&quot;. How often the open window sends what is due (retries included). Asks &quot;Send the update?&quot;: (send it, remember the choice).</extracomment>
        <translation>Envoyer la mise à jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Send the update to the prospect?</source>
        <translation>Envoyer la mise à jour au prospect ?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>They have the invite as it was: the update replaces it in their calendar.</source>
        <translation>Il a l&apos;invitation d&apos;avant : la mise à jour la remplace dans son agenda.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Remember my choice</source>
        <translation>&amp;Retenir mon choix</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Select a call first.</source>
        <translation>Sélectionnez d&apos;abord un appel.</translation>
    </message>
    <message>
        <location line="+97"/>
        <source>Not read: %1</source>
        <translation>Non lu : %1</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Read replies</source>
        <translation>Lire les réponses</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Answers (*.eml *.ics);;All files (*)</source>
        <translation>Réponses (*.eml *.ics);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/shell/mail_wiring.py" line="+67"/>
        <source>Send &amp;invite</source>
        <extracomment>How long after the first paint the outbox is first sent.</extracomment>
        <translation>Envoyer l&apos;&amp;invitation</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Read &amp;replies…</source>
        <translation>Lire les &amp;réponses…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Mail account…</source>
        <translation>Compte de &amp;messagerie…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Ask before sending an update</source>
        <translation>&amp;Demander avant d&apos;envoyer une mise à jour</translation>
    </message>
    <message>
        <location filename="../../closer_desk/ui/mail/words.py" line="+49"/>
        <source>Invite not sent</source>
        <translation>Invitation non envoyée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite queued</source>
        <translation>Invitation en attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite sent</source>
        <translation>Invitation envoyée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Invite failed</source>
        <translation>Invitation en échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accepted</source>
        <translation>Acceptée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>Refusée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tentative</source>
        <translation>Provisoire</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New time proposed</source>
        <translation>Nouvel horaire proposé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sending</source>
        <translation>En cours d&apos;envoi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent</source>
        <translation>Envoyé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unconfirmed</source>
        <translation>Non confirmé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replaced</source>
        <translation>Remplacé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Expired</source>
        <translation>Expiré</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Invite</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Update</source>
        <translation>Mise à jour</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancellation</source>
        <translation>Annulation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reminder</source>
        <translation>Rappel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New time declined</source>
        <translation>Nouvel horaire refusé</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>server unreachable</source>
        <translation>serveur injoignable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the server said to try later</source>
        <translation>le serveur demande de réessayer plus tard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>refused by the server</source>
        <translation>refusé par le serveur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>login refused: check the user and the password</source>
        <translation>connexion refusée : vérifiez l&apos;utilisateur et le mot de passe</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>no password: neither the system keyring nor CLOSER_DESK_MAIL_PASSWORD has it</source>
        <translation>pas de mot de passe : ni le trousseau du système ni CLOSER_DESK_MAIL_PASSWORD ne l&apos;ont</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the secure connection failed</source>
        <translation>la connexion sécurisée a échoué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the connection ended before the server answered</source>
        <translation>la connexion s&apos;est coupée avant la réponse du serveur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the call is past</source>
        <translation>l&apos;appel est passé</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>This closer has no mail account: set one up in Closers → Mail account….</source>
        <translation>Ce closer n&apos;a pas de compte de messagerie : créez-le dans Closers → Compte de messagerie….</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The prospect has no e-mail address.</source>
        <translation>Le prospect n&apos;a pas d&apos;adresse e-mail.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a valid e-mail address.</source>
        <translation>Cette adresse e-mail n&apos;est pas valide.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The user is too long or holds control characters.</source>
        <translation>L&apos;utilisateur est trop long ou contient des caractères de contrôle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the server as host or host:port.</source>
        <translation>Écrivez le serveur sous la forme hôte ou hôte:port.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Another closer-desk is sending this agenda&apos;s messages; they go from there.</source>
        <translation>Un autre closer-desk envoie les messages de cet agenda ; ils partent de là.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Nothing to send.</source>
        <translation>Rien à envoyer.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>already read</source>
        <translation>déjà lue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not about one of our calls</source>
        <translation>ne concerne aucun de nos appels</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>it answers an older version of the call</source>
        <translation>elle répond à une version plus ancienne de l&apos;appel</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not sent by the invited prospect</source>
        <translation>pas envoyée par le prospect invité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not from the prospect who was invited</source>
        <translation>pas du prospect qui a été invité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not an answer to an invite</source>
        <translation>pas une réponse à une invitation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no answer in it</source>
        <translation>aucune réponse dedans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the call is cancelled</source>
        <translation>l&apos;appel est annulé</translation>
    </message>
</context>
<context>
    <name>MailAccountDialog</name>
    <message>
        <location filename="../../closer_desk/ui/mail/account.py" line="+53"/>
        <source>Mail account of %1</source>
        <translation>Compte de messagerie de %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None (a local relay)</source>
        <translation>Aucune (un relais local)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none: the server needs no login</source>
        <translation>aucun : le serveur ne demande pas de connexion</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>optional: imap.example.com:993</source>
        <translation>facultatif : imap.example.com:993</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Send a &amp;test message</source>
        <translation>Envoyer un message de &amp;test</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;From:</source>
        <translation>&amp;De :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Outgoing server:</source>
        <translation>Serveur &amp;sortant :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;ecurity:</source>
        <translation>S&amp;écurité :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Utilisateur :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Mot de &amp;passe :</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Inbox (answers):</source>
        <translation>&amp;Boîte de réception (réponses) :</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test &amp;message to:</source>
        <translation>&amp;Message de test à :</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No mail account yet: invites are not e-mailed.</source>
        <translation>Pas encore de compte de messagerie : les invitations ne sont pas envoyées par e-mail.</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+46"/>
        <source>kept in the system keyring</source>
        <translation>gardé dans le trousseau du système</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>read from CLOSER_DESK_MAIL_PASSWORD</source>
        <translation>lu dans CLOSER_DESK_MAIL_PASSWORD</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Saved: the server takes mail without a login.</source>
        <translation>Enregistré : le serveur accepte les messages sans connexion.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved; the password is in the system keyring.</source>
        <translation>Enregistré ; le mot de passe est dans le trousseau du système.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved, without the password: the system keyring is not safe here. Set CLOSER_DESK_MAIL_PASSWORD before starting closer_desk.</source>
        <translation>Enregistré, sans le mot de passe : le trousseau du système n&apos;est pas sûr ici. Définissez CLOSER_DESK_MAIL_PASSWORD avant de lancer closer_desk.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Saving…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sending a test message…</source>
        <translation>Envoi d&apos;un message de test…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test message sent to %1.</source>
        <translation>Message de test envoyé à %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test message not sent: %1</source>
        <translation>Message de test non envoyé : %1</translation>
    </message>
</context>
<context>
    <name>MailCounts</name>
    <message numerus="yes">
        <location filename="../../closer_desk/ui/mail/words.py" line="-160"/>
        <source>%n message(s) sent.</source>
        <translation>
            <numerusform>%n message envoyé.</numerusform>
            <numerusform>%n messages envoyés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n message(s) wait for a retry</source>
        <translation>
            <numerusform>%n message attend un nouvel essai</numerusform>
            <numerusform>%n messages attendent un nouvel essai</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n message(s) failed</source>
        <translation>
            <numerusform>%n message en échec</numerusform>
            <numerusform>%n messages en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n answer(s) recorded.</source>
        <translation>
            <numerusform>%n réponse enregistrée.</numerusform>
            <numerusform>%n réponses enregistrées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n ignored</source>
        <translation>
            <numerusform>%n ignorée</numerusform>
            <numerusform>%n ignorées</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Outbox</name>
    <message>
        <location filename="../../closer_desk/ui/mail/outbox.py" line="+55"/>
        <source>Call</source>
        <extracomment>One line of the room: the message, its prospect&apos;s name, and the zone times are shown in. Messages Retry puts back in the queue.</extracomment>
        <translation>Appel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Message</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To</source>
        <translation>À</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tries</source>
        <translation>Essais</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sent / next try</source>
        <translation>Envoyé / prochain essai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
</context>
<context>
    <name>OutboxRoom</name>
    <message>
        <location line="+53"/>
        <source>Drop the prospects&apos; answers (.eml, .ics) here, or use File → Read replies…</source>
        <translation>Déposez ici les réponses des prospects (.eml, .ics), ou utilisez Fichier → Lire les réponses…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Retry</source>
        <translation>&amp;Réessayer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Send now</source>
        <translation>&amp;Envoyer maintenant</translation>
    </message>
    <message numerus="yes">
        <location line="+39"/>
        <source>%n message(s) waiting</source>
        <translation>
            <numerusform>%n message en attente</numerusform>
            <numerusform>%n messages en attente</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
</context>
</TS>
