<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About OrderDesk</source>
            <translation>Über OrderDesk</translation>
        </message>
        <message>
            <source>Order client for back-office order clerks.</source>
            <translation>Auftragsclient für die Auftragssachbearbeitung.</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unbekannt</translation>
        </message>
        <message>
            <source>Backend:</source>
            <translation>Backend:</translation>
        </message>
        <message>
            <source>Cache:</source>
            <translation>Cache:</translation>
        </message>
        <message>
            <source>&amp;Copy diagnostic information</source>
            <translation>Diagnose&amp;informationen kopieren</translation>
        </message>
        <message>
            <source>Versions, operating system, paths and the last sync state for support; no passwords or tokens</source>
            <translation>Versionen, Betriebssystem, Pfade und der letzte Synchronisierungsstand für den Support; keine Passwörter oder Tokens</translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>In die Zwischenablage kopiert.</translation>
        </message>
    </context>
    <context>
        <name>ApprovalPage</name>
        <message>
            <source>Approval</source>
            <translation>Freigabe</translation>
        </message>
        <message>
            <source>The quote waits for the customer's approval; a prospect's quote also for the provider's.</source>
            <translation>Das Angebot wartet auf die Freigabe des Kunden; das Angebot eines Interessenten zusätzlich auf die des Anbieters.</translation>
        </message>
        <message>
            <source>Not sent yet.</source>
            <translation>Noch nicht versendet.</translation>
        </message>
        <message>
            <source>Waiting for the customer's approval (sent to %1).</source>
            <translation>Wartet auf die Freigabe des Kunden (gesendet an %1).</translation>
        </message>
        <message>
            <source>Approved by %1.</source>
            <translation>Freigegeben von %1.</translation>
        </message>
        <message>
            <source>Rejected by the customer: this quote cannot be ordered.</source>
            <translation>Vom Kunden abgelehnt: Dieses Angebot kann nicht beauftragt werden.</translation>
        </message>
        <message>
            <source>Withdrawn.</source>
            <translation>Zurückgezogen.</translation>
        </message>
        <message>
            <source>Expired.</source>
            <translation>Abgelaufen.</translation>
        </message>
        <message>
            <source>Ordered.</source>
            <translation>Beauftragt.</translation>
        </message>
        <message>
            <source>The quote expired on %1; it cannot be ordered. Start a new cart.</source>
            <translation>Das Angebot ist am %1 abgelaufen und kann nicht beauftragt werden. Legen Sie einen neuen Warenkorb an.</translation>
        </message>
        <message>
            <source>Approved by the provider.</source>
            <translation>Vom Anbieter freigegeben.</translation>
        </message>
        <message>
            <source>Waiting for the provider's check and approval.</source>
            <translation>Wartet auf Prüfung und Freigabe durch den Anbieter.</translation>
        </message>
        <message>
            <source>You are signed in as provider staff and may approve it.</source>
            <translation>Sie sind als Mitarbeiter des Anbieters angemeldet und dürfen es freigeben.</translation>
        </message>
        <message>
            <source>Only a provider-staff login can give this approval. In demo mode, enter one below (for example anna.berger); it is used for this approval only and not stored.</source>
            <translation>Nur ein Mitarbeiter des Anbieters kann diese Freigabe erteilen. Im Demo-Modus geben Sie unten dessen Anmeldung ein (zum Beispiel anna.berger); sie wird nur für diese Freigabe verwendet und nicht gespeichert.</translation>
        </message>
        <message>
            <source>The approver's email is required.</source>
            <translation>Die E-Mail des Freigebenden ist erforderlich.</translation>
        </message>
        <message>
            <source>Enter a provider-staff user name and password.</source>
            <translation>Geben Sie Benutzername und Passwort eines Mitarbeiters des Anbieters ein.</translation>
        </message>
    </context>
    <context>
        <name>CacheCare</name>
        <message>
            <source>The damaged file is kept for support: %1</source>
            <translation>Die beschädigte Datei bleibt für den Support erhalten: %1</translation>
        </message>
        <message>
            <source>The local cache was damaged and has been rebuilt from the order backend.</source>
            <translation>Der lokale Cache war beschädigt und wurde aus dem Auftrags-Backend neu aufgebaut.</translation>
        </message>
        <message>
            <source>The local cache was damaged and has been set aside. Cached orders are unavailable until the order backend can be reached; then OrderDesk rebuilds the cache by itself.</source>
            <translation>Der lokale Cache war beschädigt und wurde beiseitegelegt. Zwischengespeicherte Aufträge sind nicht verfügbar, bis das Auftrags-Backend erreichbar ist; dann baut OrderDesk den Cache von selbst neu auf.</translation>
        </message>
        <message>
            <source>The local cache was damaged and has been set aside. OrderDesk is rebuilding it from the order backend; the orders appear as they arrive.</source>
            <translation>Der lokale Cache war beschädigt und wurde beiseitegelegt. OrderDesk baut ihn aus dem Auftrags-Backend neu auf; die Aufträge erscheinen, sobald sie eintreffen.</translation>
        </message>
        <message>
            <source>Order submissions that were still in flight could not all be read from it: please check in the order overview whether your last orders arrived.</source>
            <translation>Noch nicht bestätigte Auftragsübermittlungen konnten nicht alle daraus gelesen werden: bitte prüfen Sie in der Auftragsübersicht, ob Ihre letzten Aufträge angekommen sind.</translation>
        </message>
        <message numerus="yes">
            <source>%n order submission(s) still in flight were kept and are completed.</source>
            <translation>
                <numerusform>%n noch nicht bestätigte Auftragsübermittlung wurde übernommen und wird abgeschlossen.</numerusform>
                <numerusform>%n noch nicht bestätigte Auftragsübermittlungen wurden übernommen und werden abgeschlossen.</numerusform>
            </translation>
        </message>
        <message>
            <source>The disk holding the local cache is full. OrderDesk shows the cached orders read-only and does not synchronize; once space has been freed it continues by itself. Folder: %1</source>
            <translation>Der Datenträger des lokalen Caches ist voll. OrderDesk zeigt die zwischengespeicherten Aufträge nur lesend an und synchronisiert nicht; sobald wieder Platz frei ist, geht es von selbst weiter. Ordner: %1</translation>
        </message>
        <message>
            <source>The local cache is damaged. Please close OrderDesk and start it again: it then sets the damaged file aside and rebuilds the cache from the order backend. Folder: %1</source>
            <translation>Der lokale Cache ist beschädigt. Bitte schließen Sie OrderDesk und starten Sie es neu: dann wird die beschädigte Datei beiseitegelegt und der Cache aus dem Auftrags-Backend neu aufgebaut. Ordner: %1</translation>
        </message>
    </context>
    <context>
        <name>CacheNotice</name>
        <message>
            <source>Dismiss</source>
            <translation>Ausblenden</translation>
        </message>
    </context>
    <context>
        <name>CancelQuestion</name>
        <message>
            <source>Cancel the order wizard</source>
            <translation>Bestellassistent abbrechen</translation>
        </message>
        <message>
            <source>A cart is stored for this order: %1.</source>
            <translation>Für diese Bestellung ist ein Warenkorb gespeichert: %1.</translation>
        </message>
        <message>
            <source>Keep it to continue later from Orders → Carts and quotes; while it is open, the contract takes no other cart. Or delete it.</source>
            <translation>Behalten Sie ihn, um später über Aufträge → Warenkörbe und Angebote weiterzumachen; solange er offen ist, nimmt der Vertrag keinen weiteren Warenkorb an. Oder löschen Sie ihn.</translation>
        </message>
        <message>
            <source>&amp;Keep cart</source>
            <translation>Warenkorb &amp;behalten</translation>
        </message>
        <message>
            <source>&amp;Delete cart</source>
            <translation>Warenkorb &amp;löschen</translation>
        </message>
        <message>
            <source>&amp;Go back</source>
            <translation>&amp;Zurück</translation>
        </message>
    </context>
    <context>
        <name>CartActionRunner</name>
        <message>
            <source>The quote could not be withdrawn</source>
            <translation>Das Angebot konnte nicht zurückgezogen werden</translation>
        </message>
        <message>
            <source>Withdrawing quote %1…</source>
            <translation>Angebot %1 wird zurückgezogen …</translation>
        </message>
        <message>
            <source>The cart could not be deleted</source>
            <translation>Der Warenkorb konnte nicht gelöscht werden</translation>
        </message>
        <message>
            <source>Deleting the cart…</source>
            <translation>Warenkorb wird gelöscht …</translation>
        </message>
        <message>
            <source>Quote %1 has been withdrawn.</source>
            <translation>Angebot %1 wurde zurückgezogen.</translation>
        </message>
        <message>
            <source>The cart has been deleted.</source>
            <translation>Der Warenkorb wurde gelöscht.</translation>
        </message>
    </context>
    <context>
        <name>CartPage</name>
        <message>
            <source>Cart</source>
            <translation>Warenkorb</translation>
        </message>
        <message>
            <source>Add products with their options and usage locations. The cart is stored on the backend and checked after each change.</source>
            <translation>Fügen Sie Produkte mit Optionen und Nutzungsorten hinzu. Der Warenkorb wird im Backend gespeichert und nach jeder Änderung geprüft.</translation>
        </message>
        <message>
            <source>Option</source>
            <translation>Option</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Menge</translation>
        </message>
        <message>
            <source>Phone numbers (porting)</source>
            <translation>Rufnummern (Portierung)</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Monthly (net)</source>
            <translation>Monatlich (netto)</translation>
        </message>
        <message>
            <source>One-time (net)</source>
            <translation>Einmalig (netto)</translation>
        </message>
        <message>
            <source>added automatically</source>
            <translation>automatisch hinzugefügt</translation>
        </message>
    </context>
    <context>
        <name>CartQuoteTableModel</name>
        <message>
            <source>Tenant: %1</source>
            <translation>Mandant: %1</translation>
        </message>
        <message>
            <source>Gross: %1</source>
            <translation>Brutto: %1</translation>
        </message>
    </context>
    <context>
        <name>CartsQuotes</name>
        <message>
            <source>Type</source>
            <translation>Art</translation>
        </message>
        <message>
            <source>Quote number</source>
            <translation>Angebotsnummer</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Vertrag</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Produkte</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Gültig bis</translation>
        </message>
        <message>
            <source>Monthly (net)</source>
            <translation>Monatlich (netto)</translation>
        </message>
        <message>
            <source>One-time (net)</source>
            <translation>Einmalig (netto)</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Angebot</translation>
        </message>
        <message>
            <source>Cart</source>
            <translation>Warenkorb</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Offen</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Versendet</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Freigegeben</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Abgelehnt</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Zurückgezogen</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Abgelaufen</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>Beauftragt</translation>
        </message>
        <message>
            <source>The cart can still be changed; no quote yet.</source>
            <translation>Der Warenkorb kann noch geändert werden; es gibt noch kein Angebot.</translation>
        </message>
        <message>
            <source>The quote has been created but not sent yet.</source>
            <translation>Das Angebot ist erstellt, aber noch nicht versendet.</translation>
        </message>
        <message>
            <source>The quote waits for the customer's approval.</source>
            <translation>Das Angebot wartet auf die Freigabe des Kunden.</translation>
        </message>
        <message>
            <source>The customer has approved the quote.</source>
            <translation>Der Kunde hat das Angebot freigegeben.</translation>
        </message>
        <message>
            <source>The customer has rejected the quote.</source>
            <translation>Der Kunde hat das Angebot abgelehnt.</translation>
        </message>
        <message>
            <source>The quote has been withdrawn.</source>
            <translation>Das Angebot wurde zurückgezogen.</translation>
        </message>
        <message>
            <source>The quote's validity date has passed.</source>
            <translation>Die Gültigkeit des Angebots ist abgelaufen.</translation>
        </message>
        <message>
            <source>The quote has been ordered.</source>
            <translation>Das Angebot wurde beauftragt.</translation>
        </message>
        <message>
            <source>the order backend cannot be reached.</source>
            <translation>das Auftrags-Backend ist nicht erreichbar.</translation>
        </message>
        <message>
            <source>Offline: %1</source>
            <translation>Offline: %1</translation>
        </message>
        <message>
            <source>Select a cart or quote first.</source>
            <translation>Wählen Sie zuerst einen Warenkorb oder ein Angebot.</translation>
        </message>
        <message>
            <source>Please wait until the running action has finished.</source>
            <translation>Bitte warten Sie, bis die laufende Aktion beendet ist.</translation>
        </message>
        <message>
            <source>Continue this cart in the order wizard (Enter).</source>
            <translation>Diesen Warenkorb im Auftragsassistenten fortsetzen (Eingabe).</translation>
        </message>
        <message>
            <source>Continue with this quote in the order wizard (Enter).</source>
            <translation>Mit diesem Angebot im Auftragsassistenten fortfahren (Eingabe).</translation>
        </message>
        <message>
            <source>The customer has rejected this quote, so it cannot be ordered. Delete the cart and start a new one.</source>
            <translation>Der Kunde hat dieses Angebot abgelehnt; es kann nicht beauftragt werden. Löschen Sie den Warenkorb und legen Sie einen neuen an.</translation>
        </message>
        <message>
            <source>This quote has been withdrawn, so it cannot be ordered.</source>
            <translation>Dieses Angebot wurde zurückgezogen und kann nicht beauftragt werden.</translation>
        </message>
        <message>
            <source>This quote has expired, so it cannot be ordered.</source>
            <translation>Dieses Angebot ist abgelaufen und kann nicht beauftragt werden.</translation>
        </message>
        <message>
            <source>Only a quote can be withdrawn; this cart has none yet.</source>
            <translation>Nur ein Angebot kann zurückgezogen werden; dieser Warenkorb hat noch keins.</translation>
        </message>
        <message>
            <source>Withdraw this quote: the customer can no longer approve it (Ctrl+Shift+W).</source>
            <translation>Dieses Angebot zurückziehen: Der Kunde kann es dann nicht mehr freigeben (Strg+Umschalt+W).</translation>
        </message>
        <message>
            <source>The customer has rejected this quote; there is nothing to withdraw.</source>
            <translation>Der Kunde hat dieses Angebot abgelehnt; es gibt nichts zurückzuziehen.</translation>
        </message>
        <message>
            <source>This quote has already been withdrawn.</source>
            <translation>Dieses Angebot wurde bereits zurückgezogen.</translation>
        </message>
        <message>
            <source>This quote has expired; there is nothing to withdraw.</source>
            <translation>Dieses Angebot ist abgelaufen; es gibt nichts zurückzuziehen.</translation>
        </message>
        <message>
            <source>Delete this cart together with its quote (Del).</source>
            <translation>Diesen Warenkorb samt Angebot löschen (Entf).</translation>
        </message>
        <message>
            <source>Delete this cart (Del).</source>
            <translation>Diesen Warenkorb löschen (Entf).</translation>
        </message>
    </context>
    <context>
        <name>CartsQuotesWindow</name>
        <message>
            <source>quotes awaiting the customer's approval</source>
            <translation>Angebote, die auf die Zustimmung des Kunden warten</translation>
        </message>
        <message>
            <source>prospects' quotes awaiting the provider's approval</source>
            <translation>Angebote an Interessenten, die auf die Freigabe des Anbieters warten</translation>
        </message>
        <message>
            <source>quotes expiring within 7 days</source>
            <translation>Angebote, die in 7 Tagen ablaufen</translation>
        </message>
        <message>
            <source>open carts</source>
            <translation>offene Warenkörbe</translation>
        </message>
        <message>
            <source>OrderDesk – carts and quotes</source>
            <translation>OrderDesk – Warenkörbe und Angebote</translation>
        </message>
        <message>
            <source>&amp;State:</source>
            <translation>&amp;Zustand:</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>Alle Zustände</translation>
        </message>
        <message>
            <source>Search quote number, customer, contract, product…</source>
            <translation>Angebotsnummer, Kunde, Vertrag, Produkt suchen …</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Fortsetzen</translation>
        </message>
        <message>
            <source>&amp;Withdraw quote…</source>
            <translation>Angebot &amp;zurückziehen …</translation>
        </message>
        <message>
            <source>&amp;Delete cart…</source>
            <translation>Warenkorb &amp;löschen …</translation>
        </message>
        <message>
            <source>&amp;Synchronize</source>
            <translation>&amp;Synchronisieren</translation>
        </message>
        <message>
            <source>Fetch the latest changes from the order backend</source>
            <translation>Die neuesten Änderungen vom Auftrags-Backend holen</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <source>Cart and quote actions</source>
            <translation>Aktionen für Warenkörbe und Angebote</translation>
        </message>
        <message>
            <source>%1 of %2 carts and quotes</source>
            <translation>%1 von %2 Warenkörben und Angeboten</translation>
        </message>
        <message>
            <source>No cart or quote matches the filter.</source>
            <translation>Kein Warenkorb und kein Angebot passt zum Filter.</translation>
        </message>
        <message>
            <source>There are no open carts or quotes.
New carts are created with the order wizard; they appear here after the next synchronization (F5).</source>
            <translation>Es gibt keine offenen Warenkörbe oder Angebote.
Neue Warenkörbe entstehen im Auftragsassistenten; sie erscheinen hier nach der nächsten Synchronisierung (F5).</translation>
        </message>
        <message>
            <source>Withdraw quote</source>
            <translation>Angebot zurückziehen</translation>
        </message>
        <message>
            <source>Withdraw quote %1 for %2?

The customer can then no longer approve it, and it cannot be ordered.</source>
            <translation>Angebot %1 für %2 zurückziehen?

Der Kunde kann es dann nicht mehr freigeben, und es kann nicht beauftragt werden.</translation>
        </message>
        <message>
            <source>Delete the cart for %1 together with its quote %2?

This cannot be undone.</source>
            <translation>Den Warenkorb für %1 samt Angebot %2 löschen?

Das lässt sich nicht rückgängig machen.</translation>
        </message>
        <message>
            <source>Delete the cart for %1?

This cannot be undone.</source>
            <translation>Den Warenkorb für %1 löschen?

Das lässt sich nicht rückgängig machen.</translation>
        </message>
        <message>
            <source>Delete cart</source>
            <translation>Warenkorb löschen</translation>
        </message>
        <message>
            <source>Dashboard: %1.</source>
            <translation>Dashboard: %1.</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Alle zeigen</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationDialog</name>
        <message>
            <source>Order-receipt confirmation %1</source>
            <translation>Auftragseingangsbestätigung %1</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationForm</name>
        <message>
            <source>Open order in the &amp;overview</source>
            <translation>Auftrag in der &amp;Übersicht öffnen</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Auftrag</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>Auftragsnummer</translation>
        </message>
        <message>
            <source>Order date</source>
            <translation>Auftragsdatum</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produkt</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Vertrag</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Angebot</translation>
        </message>
        <message>
            <source>Confirmed by</source>
            <translation>Bestätigt von</translation>
        </message>
        <message>
            <source>Sales partner</source>
            <translation>Vertriebspartner</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Positionen</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Dokumente</translation>
        </message>
        <message>
            <source>No documents for this order.</source>
            <translation>Keine Dokumente zu diesem Auftrag.</translation>
        </message>
        <message>
            <source>Confirmation email sent to</source>
            <translation>Bestätigungs-E-Mail gesendet an</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationOutput</name>
        <message>
            <source>The order is not in the local cache (any more).</source>
            <translation>Der Auftrag ist nicht (mehr) im lokalen Cache.</translation>
        </message>
        <message>
            <source>OrderDesk</source>
            <translation>OrderDesk</translation>
        </message>
        <message>
            <source>Print preview – order %1</source>
            <translation>Druckvorschau – Auftrag %1</translation>
        </message>
        <message>
            <source>Print confirmation – order %1</source>
            <translation>Bestätigung drucken – Auftrag %1</translation>
        </message>
        <message>
            <source>A batch print is already running.</source>
            <translation>Es läuft bereits ein Sammeldruck.</translation>
        </message>
        <message numerus="yes">
            <source>Print %n confirmation(s)</source>
            <translation>
                <numerusform>%n Bestätigung drucken</numerusform>
                <numerusform>%n Bestätigungen drucken</numerusform>
            </translation>
        </message>
        <message>
            <source>Printing the confirmations…</source>
            <translation>Die Bestätigungen werden gedruckt…</translation>
        </message>
        <message>
            <source>Print confirmations</source>
            <translation>Bestätigungen drucken</translation>
        </message>
        <message>
            <source>Printing confirmation %1 of %2…</source>
            <translation>Bestätigung %1 von %2 wird gedruckt…</translation>
        </message>
        <message numerus="yes">
            <source>%n confirmation(s) printed in one print job.</source>
            <translation>
                <numerusform>%n Bestätigung in einem Druckauftrag gedruckt.</numerusform>
                <numerusform>%n Bestätigungen in einem Druckauftrag gedruckt.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s) in all.</source>
            <translation>
                <numerusform>%n Seite insgesamt.</numerusform>
                <numerusform>%n Seiten insgesamt.</numerusform>
            </translation>
        </message>
        <message>
            <source>Printing was cancelled; the job was withdrawn.</source>
            <translation>Der Druck wurde abgebrochen; der Druckauftrag wurde zurückgezogen.</translation>
        </message>
        <message>
            <source>Printing was cancelled; the pages printed so far may still come out.</source>
            <translation>Der Druck wurde abgebrochen; die bis dahin gedruckten Seiten können noch ausgegeben werden.</translation>
        </message>
        <message>
            <source>Save confirmation as PDF</source>
            <translation>Bestätigung als PDF speichern</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-Dokumente (*.pdf)</translation>
        </message>
        <message>
            <source>Folder for the confirmations</source>
            <translation>Ordner für die Bestätigungen</translation>
        </message>
        <message>
            <source>An export is already running.</source>
            <translation>Es läuft bereits ein Export.</translation>
        </message>
        <message>
            <source>Writing the confirmations as PDF…</source>
            <translation>Die Bestätigungen werden als PDF geschrieben …</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Export confirmations</source>
            <translation>Bestätigungen exportieren</translation>
        </message>
        <message numerus="yes">
            <source>%n confirmation(s) written to %1.</source>
            <translation>
                <numerusform>%n Bestätigung in %1 gespeichert.</numerusform>
                <numerusform>%n Bestätigungen in %1 gespeichert.</numerusform>
            </translation>
        </message>
        <message>
            <source>The export was cancelled; the files written so far are complete.</source>
            <translation>Der Export wurde abgebrochen; die bis dahin geschriebenen Dateien sind vollständig.</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) are no longer in the local cache.</source>
            <translation>
                <numerusform>%n Auftrag ist nicht mehr im lokalen Zwischenspeicher.</numerusform>
                <numerusform>%n Aufträge sind nicht mehr im lokalen Zwischenspeicher.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) could not be written:</source>
            <translation>
                <numerusform>%n Datei konnte nicht geschrieben werden:</numerusform>
                <numerusform>%n Dateien konnten nicht geschrieben werden:</numerusform>
            </translation>
        </message>
        <message>
            <source>This document is no longer listed for the order.</source>
            <translation>Dieses Dokument ist für den Auftrag nicht mehr aufgeführt.</translation>
        </message>
        <message>
            <source>The document cannot be shown: it is not a readable PDF.</source>
            <translation>Das Dokument kann nicht angezeigt werden: Es ist kein lesbares PDF.</translation>
        </message>
        <message>
            <source>The document has not been downloaded yet and the order backend cannot be reached. It opens once you are online.</source>
            <translation>Das Dokument wurde noch nicht heruntergeladen, und das Auftrags-Backend ist nicht erreichbar. Es lässt sich öffnen, sobald Sie online sind.</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationPage</name>
        <message>
            <source>Order-receipt confirmation</source>
            <translation>Auftragseingangsbestätigung</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationView</name>
        <message>
            <source>Order received: %1</source>
            <translation>Auftrag eingegangen: %1</translation>
        </message>
        <message>
            <source>The provider has received the order. A confirmation email went to the recipients below.</source>
            <translation>Der Anbieter hat den Auftrag erhalten. Eine Bestätigungs-E-Mail ging an die unten genannten Empfänger.</translation>
        </message>
        <message>
            <source>assigned during processing</source>
            <translation>wird bei der Bearbeitung vergeben</translation>
        </message>
        <message>
            <source>%1 (approver: %2)</source>
            <translation>%1 (Freigabe: %2)</translation>
        </message>
        <message>
            <source>none (power of attorney)</source>
            <translation>keines (Vollmacht)</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Öffnen</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>Vorschau …</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Drucken …</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Als PDF speichern …</translation>
        </message>
        <message>
            <source>No recipients recorded.</source>
            <translation>Keine Empfänger erfasst.</translation>
        </message>
    </context>
    <context>
        <name>ContractOrders</name>
        <message>
            <source>Order</source>
            <translation>Auftrag</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Eingegangen</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produkt</translation>
        </message>
    </context>
    <context>
        <name>ContractTableModel</name>
        <message>
            <source>Customer number %1</source>
            <translation>Kundennummer %1</translation>
        </message>
        <message numerus="yes">
            <source>%n month(s) from the start</source>
            <translation>
                <numerusform>%n Monat ab Beginn</numerusform>
                <numerusform>%n Monate ab Beginn</numerusform>
            </translation>
        </message>
        <message>
            <source>Inside the minimum term (%1)</source>
            <translation>In der Mindestlaufzeit (%1)</translation>
        </message>
    </context>
    <context>
        <name>Contracts</name>
        <message>
            <source>Contract</source>
            <translation>Vertrag</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produkt</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <source>Minimum term until</source>
            <translation>Mindestlaufzeit bis</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>gekündigt</translation>
        </message>
        <message>
            <source>running</source>
            <translation>läuft</translation>
        </message>
        <message>
            <source>The customer is not in the local cache yet: synchronize (F5).</source>
            <translation>Der Kunde ist noch nicht im lokalen Zwischenspeicher: bitte synchronisieren (F5).</translation>
        </message>
        <message>
            <source>Usage locations are ordered for voice products (IPfonie SIP trunks, Tengo Centraflex).</source>
            <translation>Nutzungsorte werden für Sprachprodukte bestellt (IPfonie SIP-Trunks, Tengo Centraflex).</translation>
        </message>
    </context>
    <context>
        <name>ContractsWindow</name>
        <message>
            <source>OrderDesk – contracts</source>
            <translation>OrderDesk – Vertragsübersicht</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Suche:</translation>
        </message>
        <message>
            <source>Contract number, customer, product or order number…</source>
            <translation>Vertragsnummer, Kunde, Produkt oder Auftragsnummer …</translation>
        </message>
        <message>
            <source>&amp;New cart for this contract</source>
            <translation>&amp;Neuer Warenkorb für diesen Vertrag</translation>
        </message>
        <message>
            <source>&amp;Synchronize</source>
            <translation>&amp;Synchronisieren</translation>
        </message>
        <message>
            <source>Fetch the latest changes from the order backend</source>
            <translation>Die neuesten Änderungen vom Auftrags-Backend holen</translation>
        </message>
        <message>
            <source>&amp;Find contracts</source>
            <translation>Verträge &amp;suchen</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Schließen</translation>
        </message>
        <message>
            <source>Contract actions</source>
            <translation>Vertragsaktionen</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Orders that created or changed contract %1 (%n):</source>
            <translation>
                <numerusform>&amp;Auftrag, der Vertrag %1 erstellt oder geändert hat (%n):</numerusform>
                <numerusform>&amp;Aufträge, die Vertrag %1 erstellt oder geändert haben (%n):</numerusform>
            </translation>
        </message>
        <message>
            <source>No cached order created or changed contract %1.</source>
            <translation>Kein zwischengespeicherter Auftrag hat Vertrag %1 erstellt oder geändert.</translation>
        </message>
        <message>
            <source>%1 of %2 contracts</source>
            <translation>%1 von %2 Verträgen</translation>
        </message>
        <message>
            <source>No contract matches the search.</source>
            <translation>Kein Vertrag passt zur Suche.</translation>
        </message>
        <message>
            <source>There are no contracts in the local cache.
Contracts arise from orders; they appear here after the next synchronization (F5).</source>
            <translation>Im lokalen Zwischenspeicher sind keine Verträge.
Verträge entstehen aus Aufträgen; sie erscheinen hier nach der nächsten Synchronisierung (F5).</translation>
        </message>
        <message>
            <source>Select a contract to see its orders.</source>
            <translation>Wählen Sie einen Vertrag, um seine Aufträge zu sehen.</translation>
        </message>
        <message>
            <source>Offline: %1</source>
            <translation>Offline: %1</translation>
        </message>
        <message>
            <source>the order backend cannot be reached.</source>
            <translation>das Auftrags-Backend ist nicht erreichbar.</translation>
        </message>
        <message>
            <source>Select a contract first.</source>
            <translation>Wählen Sie zuerst einen Vertrag.</translation>
        </message>
        <message>
            <source>Start the order wizard on the selected contract (Ctrl+N)</source>
            <translation>Den Bestellassistenten für den gewählten Vertrag starten (Strg+N)</translation>
        </message>
        <message>
            <source>No business transaction fits this contract.</source>
            <translation>Kein Geschäftsvorfall passt zu diesem Vertrag.</translation>
        </message>
        <message>
            <source>Reorder</source>
            <translation>Nachbestellung</translation>
        </message>
        <message>
            <source>Contract extension</source>
            <translation>Vertragsverlängerung</translation>
        </message>
        <message>
            <source>Product change</source>
            <translation>Produktwechsel</translation>
        </message>
        <message>
            <source>Product change with new order</source>
            <translation>Produktwechsel mit Neubestellung</translation>
        </message>
        <message>
            <source>Usage location</source>
            <translation>Nutzungsort</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>OrderDesk – internal error</source>
            <translation>OrderDesk – interner Fehler</translation>
        </message>
        <message>
            <source>They are also in the log file %1.</source>
            <translation>Sie stehen auch in der Protokolldatei %1.</translation>
        </message>
        <message>
            <source>No log file could be written.</source>
            <translation>Es konnte keine Protokolldatei geschrieben werden.</translation>
        </message>
        <message>
            <source>An internal error occurred. Your cached data is safe; you can go on working, but the last action may not have finished. Please send the details below to support.</source>
            <translation>Ein interner Fehler ist aufgetreten. Ihre zwischengespeicherten Daten sind sicher; Sie können weiterarbeiten, aber die letzte Aktion wurde vielleicht nicht abgeschlossen. Bitte senden Sie die Angaben unten an den Support.</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>Angaben &amp;kopieren</translation>
        </message>
    </context>
    <context>
        <name>CustomerPage</name>
        <message>
            <source>Customer or prospect</source>
            <translation>Kunde oder Interessent</translation>
        </message>
        <message>
            <source>Search the cached customers, or create a prospect.</source>
            <translation>Suchen Sie in den zwischengespeicherten Kunden oder legen Sie einen Interessenten an.</translation>
        </message>
        <message>
            <source>Prospect</source>
            <translation>Interessent</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>No customer chosen yet.</source>
            <translation>Noch kein Kunde gewählt.</translation>
        </message>
        <message>
            <source>no email in the master data</source>
            <translation>keine E-Mail in den Stammdaten</translation>
        </message>
        <message>
            <source>Chosen: %1 (%2)</source>
            <translation>Gewählt: %1 (%2)</translation>
        </message>
        <message>
            <source>The company</source>
            <translation>Die Firma</translation>
        </message>
        <message>
            <source>The contact person</source>
            <translation>Der Ansprechpartner</translation>
        </message>
        <message>
            <source>%1 is required.</source>
            <translation>%1 ist erforderlich.</translation>
        </message>
        <message>
            <source>The email address is required.</source>
            <translation>Die E-Mail-Adresse ist erforderlich.</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>W%1</source>
            <translation>KW %1</translation>
        </message>
        <message>
            <source>%1, week of %2: %3 orders (click to list)</source>
            <translation>%1, Woche ab %2: %3 Aufträge (Klick listet sie auf)</translation>
        </message>
        <message>
            <source>fully automated</source>
            <translation>vollautomatisch</translation>
        </message>
        <message>
            <source>partly automated</source>
            <translation>teilautomatisiert</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>manuell</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 Min.</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 Std.</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 Tage</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Automation</source>
            <translation>Automatisierung</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <source>Median time</source>
            <translation>Median</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Erwartet</translation>
        </message>
        <message>
            <source>Slower than expected</source>
            <translation>Langsamer als erwartet</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Reading the cache…</source>
            <translation>Lese den Cache…</translation>
        </message>
        <message>
            <source>Orders received in the last %1 days</source>
            <translation>Aufträge eingegangen in den letzten %1 Tagen</translation>
        </message>
        <message>
            <source>Of these in processing</source>
            <translation>Davon in Bearbeitung</translation>
        </message>
        <message>
            <source>Orders completed in the last %1 days</source>
            <translation>Aufträge abgeschlossen in den letzten %1 Tagen</translation>
        </message>
        <message>
            <source>Clearing cases</source>
            <translation>Clearing-Fälle</translation>
        </message>
        <message>
            <source>Quotes awaiting the customer's approval</source>
            <translation>Angebote warten auf die Zustimmung des Kunden</translation>
        </message>
        <message>
            <source>Prospects' quotes awaiting the provider's approval</source>
            <translation>Angebote an Interessenten warten auf die Freigabe des Anbieters</translation>
        </message>
        <message>
            <source>Quotes expiring within 7 days</source>
            <translation>Angebote laufen in 7 Tagen ab</translation>
        </message>
        <message>
            <source>Open carts</source>
            <translation>Offene Warenkörbe</translation>
        </message>
        <message>
            <source>List the orders received in the last %1 days</source>
            <translation>Die in den letzten %1 Tagen eingegangenen Aufträge auflisten</translation>
        </message>
        <message>
            <source>List the orders received in the last %1 days that are in processing now</source>
            <translation>Die in den letzten %1 Tagen eingegangenen Aufträge auflisten, die jetzt in Bearbeitung sind</translation>
        </message>
        <message>
            <source>List the orders completed in the last %1 days</source>
            <translation>Die in den letzten %1 Tagen abgeschlossenen Aufträge auflisten</translation>
        </message>
        <message>
            <source>List the orders that need a manual correction</source>
            <translation>Die Aufträge auflisten, die eine manuelle Korrektur brauchen</translation>
        </message>
        <message>
            <source>Show the sent quotes the customer has not approved yet</source>
            <translation>Die versendeten Angebote zeigen, denen der Kunde noch nicht zugestimmt hat</translation>
        </message>
        <message>
            <source>Show the prospects' quotes the provider still has to check and approve</source>
            <translation>Die Angebote an Interessenten zeigen, die der Anbieter noch prüfen und freigeben muss</translation>
        </message>
        <message>
            <source>Show the quotes whose validity ends within 7 days</source>
            <translation>Die Angebote zeigen, deren Gültigkeit in 7 Tagen endet</translation>
        </message>
        <message>
            <source>Show the carts that have no quote yet</source>
            <translation>Die Warenkörbe ohne Angebot zeigen</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <source>Quotes and carts</source>
            <translation>Angebote und Warenkörbe</translation>
        </message>
        <message>
            <source>Orders per week by business transaction</source>
            <translation>Aufträge pro Woche nach Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Processing time (orders completed in the last %1 days)</source>
            <translation>Bearbeitungsdauer (in den letzten %1 Tagen abgeschlossene Aufträge)</translation>
        </message>
        <message>
            <source>Newest: %1 – %2</source>
            <translation>Neuester: %1 – %2</translation>
        </message>
        <message>
            <source>As of %1, from the local cache</source>
            <translation>Stand %1, aus dem lokalen Cache</translation>
        </message>
        <message>
            <source>The dashboard could not be read from the cache.</source>
            <translation>Das Dashboard konnte nicht aus dem Cache gelesen werden.</translation>
        </message>
    </context>
    <context>
        <name>DemoSession</name>
        <message>
            <source>Starting the demo backend with sample orders …</source>
            <translation>Das Demo-Backend mit Beispielaufträgen wird gestartet …</translation>
        </message>
        <message>
            <source>The demo backend could not be started: %1</source>
            <translation>Das Demo-Backend konnte nicht gestartet werden: %1</translation>
        </message>
    </context>
    <context>
        <name>DocumentStates</name>
        <message>
            <source>created, not sent</source>
            <translation>erstellt, nicht versendet</translation>
        </message>
        <message>
            <source>sent, waiting for the customer</source>
            <translation>versendet, wartet auf den Kunden</translation>
        </message>
        <message>
            <source>approved by the customer</source>
            <translation>vom Kunden freigegeben</translation>
        </message>
        <message>
            <source>rejected by the customer</source>
            <translation>vom Kunden abgelehnt</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>zurückgezogen</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>abgelaufen</translation>
        </message>
        <message>
            <source>ordered</source>
            <translation>bestellt</translation>
        </message>
    </context>
    <context>
        <name>DocumentsList</name>
        <message>
            <source>Available offline</source>
            <translation>Offline verfügbar</translation>
        </message>
        <message>
            <source>Downloaded from the backend when opened</source>
            <translation>Wird beim Öffnen vom Backend geladen</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>All product families</source>
            <translation>Alle Produktfamilien</translation>
        </message>
        <message>
            <source>Internet</source>
            <translation>Internet</translation>
        </message>
        <message>
            <source>IPfonie SIP trunks</source>
            <translation>IPfonie SIP-Trunks</translation>
        </message>
        <message>
            <source>Tengo Centraflex</source>
            <translation>Tengo Centraflex</translation>
        </message>
        <message>
            <source>Not available: no signed-in user is known.</source>
            <translation>Nicht verfügbar: kein angemeldeter Benutzer bekannt.</translation>
        </message>
        <message>
            <source>Only orders you created</source>
            <translation>Nur selbst erfasste Aufträge</translation>
        </message>
        <message>
            <source>Only orders that changed since you last opened them (marked in the list)</source>
            <translation>Nur Aufträge, die sich seit Ihrem letzten Öffnen geändert haben (in der Liste markiert)</translation>
        </message>
        <message>
            <source>Show all orders again</source>
            <translation>Wieder alle Aufträge zeigen</translation>
        </message>
        <message>
            <source>Filters restored from the last session.</source>
            <translation>Filter aus der letzten Sitzung wiederhergestellt.</translation>
        </message>
        <message>
            <source>Show all orders</source>
            <translation>Alle Aufträge zeigen</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>Beauftragt</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Abgeschlossen</translation>
        </message>
        <message>
            <source>Filter by the day the order was placed or completed</source>
            <translation>Nach dem Tag filtern, an dem der Auftrag erteilt oder abgeschlossen wurde</translation>
        </message>
        <message>
            <source>from</source>
            <translation>vom</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Offen</translation>
        </message>
        <message>
            <source>Clearing cases</source>
            <translation>Clearing-Fälle</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>Alle Status</translation>
        </message>
        <message>
            <source>All business transactions</source>
            <translation>Alle Geschäftsvorfälle</translation>
        </message>
        <message>
            <source>Received or in processing</source>
            <translation>Eingegangen oder in Bearbeitung</translation>
        </message>
    </context>
    <context>
        <name>FlowDocumentDialog</name>
        <message>
            <source>Orders on this contract</source>
            <translation>Aufträge zu diesem Vertrag</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Monatlich</translation>
        </message>
        <message>
            <source>%1 net / %2 gross</source>
            <translation>%1 netto / %2 brutto</translation>
        </message>
        <message>
            <source>One-time</source>
            <translation>Einmalig</translation>
        </message>
        <message>
            <source>Cart of order %1</source>
            <translation>Warenkorb zu Auftrag %1</translation>
        </message>
        <message>
            <source>open</source>
            <translation>offen</translation>
        </message>
        <message>
            <source>quoted</source>
            <translation>als Angebot erstellt</translation>
        </message>
        <message>
            <source>ordered</source>
            <translation>bestellt</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Stand</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Erstellt</translation>
        </message>
        <message>
            <source>%1 by %2</source>
            <translation>%1 von %2</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Produkte</translation>
        </message>
        <message>
            <source>Quote %1</source>
            <translation>Angebot %1</translation>
        </message>
        <message>
            <source>Quote number</source>
            <translation>Angebotsnummer</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Gültig bis</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Versendet</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1 an %2</translation>
        </message>
        <message>
            <source>Approver</source>
            <translation>Freigebende Person</translation>
        </message>
        <message>
            <source>Customer decided</source>
            <translation>Entscheidung des Kunden</translation>
        </message>
        <message>
            <source>approved by %1 on %2</source>
            <translation>freigegeben von %1 am %2</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>ausstehend</translation>
        </message>
        <message>
            <source>Provider approval</source>
            <translation>Freigabe durch den Anbieter</translation>
        </message>
        <message>
            <source>Contract %1</source>
            <translation>Vertrag %1</translation>
        </message>
        <message>
            <source>running</source>
            <translation>läuft</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>gekündigt</translation>
        </message>
        <message>
            <source>product change requested</source>
            <translation>Produktwechsel beantragt</translation>
        </message>
        <message>
            <source>product change approved</source>
            <translation>Produktwechsel genehmigt</translation>
        </message>
        <message>
            <source>product change rejected</source>
            <translation>Produktwechsel abgelehnt</translation>
        </message>
        <message>
            <source>Contract number</source>
            <translation>Vertragsnummer</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produkt</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Beginn</translation>
        </message>
        <message>
            <source>Minimum term</source>
            <translation>Mindestlaufzeit</translation>
        </message>
        <message>
            <source>%1 months, until %2</source>
            <translation>%1 Monate, bis %2</translation>
        </message>
        <message>
            <source>Change request</source>
            <translation>Änderungsantrag</translation>
        </message>
    </context>
    <context>
        <name>FlowStrip</name>
        <message>
            <source>Cart</source>
            <translation>Warenkorb</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Angebot</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Auftrag</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Vertrag</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keines</translation>
        </message>
        <message>
            <source>not yet assigned</source>
            <translation>noch nicht vergeben</translation>
        </message>
        <message>
            <source>existing contract</source>
            <translation>bestehender Vertrag</translation>
        </message>
        <message>
            <source>This order</source>
            <translation>Dieser Auftrag</translation>
        </message>
        <message>
            <source>This order was placed without a quote</source>
            <translation>Dieser Auftrag wurde ohne Angebot erteilt</translation>
        </message>
        <message>
            <source>The contract number is assigned during processing</source>
            <translation>Die Vertragsnummer wird bei der Bearbeitung vergeben</translation>
        </message>
        <message>
            <source>The existing contract this order acts on</source>
            <translation>Der bestehende Vertrag, auf den sich dieser Auftrag bezieht</translation>
        </message>
        <message>
            <source>Not in the local cache</source>
            <translation>Nicht im lokalen Cache</translation>
        </message>
        <message>
            <source>Show %1</source>
            <translation>%1 anzeigen</translation>
        </message>
    </context>
    <context>
        <name>HeaderMenu</name>
        <message>
            <source>&amp;Reset columns</source>
            <translation>Spalten &amp;zurücksetzen</translation>
        </message>
        <message>
            <source>Show every column in its place, at its width</source>
            <translation>Alle Spalten an ihrem Platz und in ihrer Breite zeigen</translation>
        </message>
        <message>
            <source>Always shown</source>
            <translation>Immer sichtbar</translation>
        </message>
    </context>
    <context>
        <name>ItemsView</name>
        <message>
            <source>Item</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Menge</translation>
        </message>
        <message>
            <source>Monthly (net)</source>
            <translation>Monatlich (netto)</translation>
        </message>
        <message>
            <source>One-time (net)</source>
            <translation>Einmalig (netto)</translation>
        </message>
        <message>
            <source>This order has no items.</source>
            <translation>Dieser Auftrag hat keine Positionen.</translation>
        </message>
        <message>
            <source>Phone numbers: %1</source>
            <translation>Rufnummern: %1</translation>
        </message>
    </context>
    <context>
        <name>ListExport</name>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel-Arbeitsmappe (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV for Excel (*.csv)</source>
            <translation>CSV für Excel (*.csv)</translation>
        </message>
        <message>
            <source>Export order list</source>
            <translation>Auftragsliste exportieren</translation>
        </message>
        <message>
            <source>Orders %1</source>
            <translation>Aufträge %1</translation>
        </message>
        <message>
            <source>An export is already running.</source>
            <translation>Es läuft bereits ein Export.</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Aufträge</translation>
        </message>
        <message>
            <source>Exporting the order list to %1…</source>
            <translation>Die Auftragsliste wird nach %1 exportiert…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Exporting %1 of %2 orders…</source>
            <translation>%1 von %2 Aufträgen exportiert…</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) exported to %1.</source>
            <translation>
                <numerusform>%n Auftrag nach %1 exportiert.</numerusform>
                <numerusform>%n Aufträge nach %1 exportiert.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>Export abgebrochen; es wurde keine Datei angelegt.</translation>
        </message>
        <message>
            <source>OrderDesk</source>
            <translation>OrderDesk</translation>
        </message>
    </context>
    <context>
        <name>ListStatus</name>
        <message>
            <source>Counting orders…</source>
            <translation>Aufträge werden gezählt …</translation>
        </message>
        <message>
            <source>1 order</source>
            <translation>1 Auftrag</translation>
        </message>
        <message>
            <source>%1 orders</source>
            <translation>%1 Aufträge</translation>
        </message>
        <message>
            <source>The local cache holds no orders yet.
They appear after the first synchronization (F5).</source>
            <translation>Der lokale Cache enthält noch keine Aufträge.
Sie erscheinen nach der ersten Synchronisierung (F5).</translation>
        </message>
        <message>
            <source>No orders match the filters.
Change them or reset the filters.</source>
            <translation>Kein Auftrag passt zu den Filtern.
Ändern Sie die Filter oder setzen Sie sie zurück.</translation>
        </message>
    </context>
    <context>
        <name>LocationsView</name>
        <message>
            <source>No phone numbers</source>
            <translation>Keine Rufnummern</translation>
        </message>
        <message>
            <source>This order has no usage locations.</source>
            <translation>Dieser Auftrag hat keine Nutzungsorte.</translation>
        </message>
    </context>
    <context>
        <name>LogInAgain</name>
        <message>
            <source>OrderDesk – log in again</source>
            <translation>OrderDesk – erneut anmelden</translation>
        </message>
        <message>
            <source>This window shows the orders of %1. To work with another account, restart OrderDesk and log in with it.</source>
            <translation>Dieses Fenster zeigt die Aufträge von %1. Um mit einem anderen Konto zu arbeiten, starten Sie OrderDesk neu und melden sich damit an.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>OrderDesk – log in</source>
            <translation>OrderDesk – Anmeldung</translation>
        </message>
        <message>
            <source>Log in to your order backend.</source>
            <translation>Melden Sie sich an Ihrem Auftrags-Backend an.</translation>
        </message>
        <message>
            <source>Backend &amp;URL:</source>
            <translation>Backend-&amp;URL:</translation>
        </message>
        <message>
            <source>User &amp;name:</source>
            <translation>&amp;Benutzername:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <source>https://orders.example.com</source>
            <translation>https://orders.example.com</translation>
        </message>
        <message>
            <source>&amp;Remember me</source>
            <translation>&amp;Angemeldet bleiben</translation>
        </message>
        <message>
            <source>No keyring available – the password is asked at each start</source>
            <translation>Kein Schlüsselbund verfügbar – das Passwort wird bei jedem Start abgefragt</translation>
        </message>
        <message>
            <source>No backend is configured yet. To look around first, start the demo: it brings its own backend with sample orders.</source>
            <translation>Es ist noch kein Backend eingerichtet. Zum Kennenlernen starten Sie die Demo: Sie bringt ein eigenes Backend mit Beispielaufträgen mit.</translation>
        </message>
        <message>
            <source>Use the &amp;demo instead</source>
            <translation>Stattdessen die &amp;Demo verwenden</translation>
        </message>
        <message>
            <source>Work &amp;offline with cached data</source>
            <translation>&amp;Offline mit den zwischengespeicherten Daten arbeiten</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>&amp;Log in</source>
            <translation>&amp;Anmelden</translation>
        </message>
        <message>
            <source>Logging in …</source>
            <translation>Anmeldung läuft …</translation>
        </message>
    </context>
    <context>
        <name>LoginDialogForm</name>
        <message>
            <source>Log in to your order backend.</source>
            <translation>Melden Sie sich an Ihrem Auftrags-Backend an.</translation>
        </message>
        <message>
            <source>Backend &amp;URL:</source>
            <translation>Backend-&amp;URL:</translation>
        </message>
        <message>
            <source>https://orders.example.com/api/v1</source>
            <translation>https://orders.example.com/api/v1</translation>
        </message>
        <message>
            <source>User &amp;name:</source>
            <translation>&amp;Benutzername:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Passwort:</translation>
        </message>
        <message>
            <source>&amp;Remember me</source>
            <translation>&amp;Angemeldet bleiben</translation>
        </message>
        <message>
            <source>No keyring available – the password is asked at each start</source>
            <translation>Kein Schlüsselbund verfügbar – das Passwort wird bei jedem Start abgefragt</translation>
        </message>
        <message>
            <source>No backend is configured yet. To look around first, start the demo: it brings its own backend with sample orders.</source>
            <translation>Es ist noch kein Backend eingerichtet. Zum Kennenlernen starten Sie die Demo: Sie bringt ein eigenes Backend mit Beispielaufträgen mit.</translation>
        </message>
        <message>
            <source>Use the &amp;demo instead</source>
            <translation>Stattdessen die &amp;Demo verwenden</translation>
        </message>
        <message>
            <source>Work &amp;offline with cached data</source>
            <translation>&amp;Offline mit den zwischengespeicherten Daten arbeiten</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>&amp;Log in</source>
            <translation>&amp;Anmelden</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>OrderDesk – order overview</source>
            <translation>OrderDesk – Auftragsübersicht</translation>
        </message>
        <message>
            <source>The language setting applies after a restart.</source>
            <translation>Die Spracheinstellung gilt nach einem Neustart.</translation>
        </message>
    </context>
    <context>
        <name>MainWindowForm</name>
        <message>
            <source>Dismiss</source>
            <translation>Ausblenden</translation>
        </message>
        <message>
            <source>Search order number, customer, contract, product (Ctrl+F)</source>
            <translation>Auftragsnummer, Kunde, Vertrag, Produkt suchen (Strg+F)</translation>
        </message>
        <message>
            <source>Processing status</source>
            <translation>Bearbeitungsstatus</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Product family</source>
            <translation>Produktfamilie</translation>
        </message>
        <message>
            <source>Ordered from</source>
            <translation>Bestellt vom</translation>
        </message>
        <message>
            <source>to</source>
            <translation>bis</translation>
        </message>
        <message>
            <source>Created by me</source>
            <translation>Von mir erfasst</translation>
        </message>
        <message>
            <source>Changed only</source>
            <translation>Nur geänderte</translation>
        </message>
        <message>
            <source>Reset filters</source>
            <translation>Filter zurücksetzen</translation>
        </message>
        <message>
            <source>Order details</source>
            <translation>Auftragsdetails</translation>
        </message>
    </context>
    <context>
        <name>NotificationButton</name>
        <message>
            <source>Notifications: %1</source>
            <translation>Benachrichtigungen: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n unread notification(s) – click to show (Ctrl+Shift+N)</source>
            <translation>
                <numerusform>%n ungelesene Benachrichtigung – zum Anzeigen klicken (Strg+Umschalt+N)</numerusform>
                <numerusform>%n ungelesene Benachrichtigungen – zum Anzeigen klicken (Strg+Umschalt+N)</numerusform>
            </translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Benachrichtigungen</translation>
        </message>
        <message>
            <source>No unread notifications – click to show the list (Ctrl+Shift+N)</source>
            <translation>Keine ungelesenen Benachrichtigungen – zum Anzeigen der Liste klicken (Strg+Umschalt+N)</translation>
        </message>
    </context>
    <context>
        <name>NotificationListModel</name>
        <message>
            <source>Unread: </source>
            <translation>Ungelesen: </translation>
        </message>
    </context>
    <context>
        <name>NotificationPopup</name>
        <message>
            <source>Notifications</source>
            <translation>Benachrichtigungen</translation>
        </message>
        <message>
            <source>&amp;Mark all as read</source>
            <translation>Alle als gelesen &amp;markieren</translation>
        </message>
        <message>
            <source>Notifications are switched off.
Turn them on under View → Settings.</source>
            <translation>Benachrichtigungen sind ausgeschaltet.
Einschalten unter Ansicht → Einstellungen.</translation>
        </message>
        <message>
            <source>No notifications yet.
You are told here when an order is completed or becomes a clearing case, and when a quote is approved, rejected or expires.</source>
            <translation>Noch keine Benachrichtigungen.
Hier erfahren Sie, wenn ein Auftrag abgeschlossen oder zum Clearing-Fall wird und wenn ein Angebot freigegeben, abgelehnt wird oder abläuft.</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message numerus="yes">
            <source>%n new notification(s)</source>
            <translation>
                <numerusform>%n neue Benachrichtigung</numerusform>
                <numerusform>%n neue Benachrichtigungen</numerusform>
            </translation>
        </message>
        <message>
            <source>Order %1 completed – contract %2</source>
            <translation>Auftrag %1 abgeschlossen – Vertrag %2</translation>
        </message>
        <message>
            <source>Order %1 completed</source>
            <translation>Auftrag %1 abgeschlossen</translation>
        </message>
        <message>
            <source>Order %1 – clearing case: %2</source>
            <translation>Auftrag %1 – Clearing-Fall: %2</translation>
        </message>
        <message>
            <source>Order %1 is a clearing case</source>
            <translation>Auftrag %1 ist ein Clearing-Fall</translation>
        </message>
        <message>
            <source>Quote %1 approved by the customer</source>
            <translation>Angebot %1 vom Kunden freigegeben</translation>
        </message>
        <message>
            <source>Quote %1 rejected by the customer</source>
            <translation>Angebot %1 vom Kunden abgelehnt</translation>
        </message>
        <message>
            <source>Quote %1 expired</source>
            <translation>Angebot %1 abgelaufen</translation>
        </message>
    </context>
    <context>
        <name>OpenCart</name>
        <message>
            <source>%1 for %2, created on %3</source>
            <translation>%1 für %2, angelegt am %3</translation>
        </message>
        <message>
            <source>(quote %1)</source>
            <translation>(Angebot %1)</translation>
        </message>
    </context>
    <context>
        <name>OpenCartBox</name>
        <message>
            <source>&amp;Resume this cart</source>
            <translation>Warenkorb &amp;fortsetzen</translation>
        </message>
        <message>
            <source>De&amp;lete this cart…</source>
            <translation>Warenkorb &amp;löschen …</translation>
        </message>
        <message>
            <source>Continue this cart, or delete it to start a new one.</source>
            <translation>Setzen Sie diesen Warenkorb fort oder löschen Sie ihn, um einen neuen anzulegen.</translation>
        </message>
    </context>
    <context>
        <name>OrderColumns</name>
        <message>
            <source>Order number</source>
            <translation>Auftragsnummer</translation>
        </message>
        <message>
            <source>Order date</source>
            <translation>Auftragsdatum</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Produkt</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Contract number</source>
            <translation>Vertragsnummer</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Letzte Änderung</translation>
        </message>
        <message>
            <source>not yet assigned</source>
            <translation>noch nicht vergeben</translation>
        </message>
        <message>
            <source>Clearing case</source>
            <translation>Clearing-Fall</translation>
        </message>
        <message>
            <source>Clearing case: the provider's clearing team corrects the order by hand; processing continues afterwards.</source>
            <translation>Clearing-Fall: Das Clearing-Team des Anbieters korrigiert den Auftrag von Hand; danach geht die Bearbeitung weiter.</translation>
        </message>
        <message>
            <source>Changed since you last opened it</source>
            <translation>Geändert, seit Sie ihn zuletzt geöffnet haben</translation>
        </message>
        <message>
            <source>The contract number is shown once the order has been processed.</source>
            <translation>Die Vertragsnummer erscheint, sobald der Auftrag bearbeitet ist.</translation>
        </message>
    </context>
    <context>
        <name>OrderDetailForm</name>
        <message>
            <source>Select an order to see its details.</source>
            <translation>Wählen Sie einen Auftrag, um seine Details zu sehen.</translation>
        </message>
        <message>
            <source>1,0</source>
            <translation>1,0</translation>
        </message>
        <message>
            <source>Order-receipt &amp;confirmation…</source>
            <translation>Auftragseingangs&amp;bestätigung …</translation>
        </message>
        <message>
            <source>Show the order-receipt confirmation page (works offline)</source>
            <translation>Die Auftragseingangsbestätigung anzeigen (auch offline)</translation>
        </message>
        <message>
            <source>Read-only: orders cannot be changed after submission.</source>
            <translation>Nur lesbar: Aufträge können nach dem Absenden nicht mehr geändert werden.</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Art:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Customer number:</source>
            <translation>Kundennummer:</translation>
        </message>
        <message>
            <source>Contact person:</source>
            <translation>Ansprechpartner:</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Adresse:</translation>
        </message>
        <message>
            <source>Email (master data):</source>
            <translation>E-Mail (Stammdaten):</translation>
        </message>
        <message>
            <source>Tenant:</source>
            <translation>Mandant:</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Auftrag</translation>
        </message>
        <message>
            <source>Order number:</source>
            <translation>Auftragsnummer:</translation>
        </message>
        <message>
            <source>Order date:</source>
            <translation>Auftragsdatum:</translation>
        </message>
        <message>
            <source>Business transaction:</source>
            <translation>Geschäftsvorfall:</translation>
        </message>
        <message>
            <source>Product:</source>
            <translation>Produkt:</translation>
        </message>
        <message>
            <source>Confirmed by:</source>
            <translation>Bestätigt von:</translation>
        </message>
        <message>
            <source>Contract number:</source>
            <translation>Vertragsnummer:</translation>
        </message>
        <message>
            <source>Items and prices</source>
            <translation>Positionen und Preise</translation>
        </message>
        <message>
            <source>Usage locations and phone numbers</source>
            <translation>Nutzungsorte und Rufnummern</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Angebot</translation>
        </message>
        <message>
            <source>Ordered directly from the cart, without a quote.</source>
            <translation>Direkt aus dem Warenkorb bestellt, ohne Angebot.</translation>
        </message>
        <message>
            <source>Quote number:</source>
            <translation>Angebotsnummer:</translation>
        </message>
        <message>
            <source>Quote created by:</source>
            <translation>Angebot erstellt von:</translation>
        </message>
        <message>
            <source>Quote created on:</source>
            <translation>Angebot erstellt am:</translation>
        </message>
        <message>
            <source>Approver email:</source>
            <translation>E-Mail des Freigebenden:</translation>
        </message>
        <message>
            <source>Approved on:</source>
            <translation>Freigegeben am:</translation>
        </message>
        <message>
            <source>Order-receipt confirmation sent to</source>
            <translation>Auftragseingangsbestätigung gesendet an</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Dokumente</translation>
        </message>
        <message>
            <source>Order-receipt confirmation, generated from the cached order (also offline):</source>
            <translation>Auftragseingangsbestätigung, erzeugt aus dem zwischengespeicherten Auftrag (auch offline):</translation>
        </message>
        <message>
            <source>Pre&amp;view</source>
            <translation>&amp;Vorschau</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Drucken …</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>Als P&amp;DF speichern …</translation>
        </message>
        <message>
            <source>No documents for this order.</source>
            <translation>Keine Dokumente zu diesem Auftrag.</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>Ö&amp;ffnen</translation>
        </message>
        <message>
            <source>Open the selected document</source>
            <translation>Das ausgewählte Dokument öffnen</translation>
        </message>
    </context>
    <context>
        <name>OrderDetailPanel</name>
        <message>
            <source>Orders are processed by the provider as submitted. To change something, start a new cart (for example a product change).</source>
            <translation>Aufträge werden so bearbeitet, wie sie abgesendet wurden. Für eine Änderung legen Sie einen neuen Warenkorb an (zum Beispiel einen Produktwechsel).</translation>
        </message>
        <message>
            <source>Order %1</source>
            <translation>Auftrag %1</translation>
        </message>
        <message>
            <source>Customer or prospect</source>
            <translation>Kunde oder Interessent</translation>
        </message>
        <message>
            <source>not in the local cache</source>
            <translation>nicht im lokalen Cache</translation>
        </message>
        <message>
            <source>Prospect</source>
            <translation>Interessent</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Prospect (no contracts yet)</source>
            <translation>Interessent (noch ohne Vertrag)</translation>
        </message>
        <message>
            <source>Existing customer</source>
            <translation>Bestandskunde</translation>
        </message>
        <message>
            <source>no email in the master data</source>
            <translation>keine E-Mail in den Stammdaten</translation>
        </message>
        <message>
            <source>not yet assigned</source>
            <translation>noch nicht vergeben</translation>
        </message>
        <message>
            <source>existing contract, not in the local cache</source>
            <translation>bestehender Vertrag, nicht im lokalen Zwischenspeicher</translation>
        </message>
        <message>
            <source>%1 (existing contract; gets a new number when processed)</source>
            <translation>%1 (bestehender Vertrag; erhält mit der Bearbeitung eine neue Nummer)</translation>
        </message>
        <message>
            <source>%1 (existing contract)</source>
            <translation>%1 (bestehender Vertrag)</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>nicht erfasst</translation>
        </message>
    </context>
    <context>
        <name>OrderMenu</name>
        <message>
            <source>New cart for customer %1…</source>
            <translation>Neuer Warenkorb für Kunde %1 …</translation>
        </message>
        <message>
            <source>New cart for contract %1…</source>
            <translation>Neuer Warenkorb für Vertrag %1 …</translation>
        </message>
        <message>
            <source>Show contract %1</source>
            <translation>Vertrag %1 anzeigen</translation>
        </message>
        <message>
            <source>Order-receipt confirmation…</source>
            <translation>Auftragseingangsbestätigung …</translation>
        </message>
    </context>
    <context>
        <name>OrderStatusForm</name>
        <message>
            <source>Select an order to see its processing status.</source>
            <translation>Wählen Sie einen Auftrag, um seinen Bearbeitungsstatus zu sehen.</translation>
        </message>
        <message>
            <source>Current status:</source>
            <translation>Aktueller Status:</translation>
        </message>
        <message>
            <source>Clearing case: this order needs a manual correction</source>
            <translation>Clearing-Fall: Dieser Auftrag muss manuell korrigiert werden</translation>
        </message>
        <message>
            <source>Processing</source>
            <translation>Bearbeitung</translation>
        </message>
        <message>
            <source>Expected processing time:</source>
            <translation>Erwartete Bearbeitungszeit:</translation>
        </message>
        <message>
            <source>Expected completion:</source>
            <translation>Voraussichtlicher Abschluss:</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Statusverlauf</translation>
        </message>
        <message>
            <source>Document flow</source>
            <translation>Belegfluss</translation>
        </message>
    </context>
    <context>
        <name>OrderStatusPanel</name>
        <message>
            <source>Who acts: the provider's clearing team checks and corrects the order by hand. The sales partner acts only if the clearing team asks for information.</source>
            <translation>Wer handelt: Das Clearing-Team des Anbieters prüft und korrigiert den Auftrag von Hand. Der Vertriebspartner wird nur tätig, wenn das Clearing-Team Angaben nachfragt.</translation>
        </message>
        <message>
            <source>What happens next: after the correction, processing continues by itself; expected completion %1.</source>
            <translation>Wie es weitergeht: Nach der Korrektur läuft die Bearbeitung von selbst weiter; voraussichtlicher Abschluss %1.</translation>
        </message>
        <message>
            <source>Completed on:</source>
            <translation>Abgeschlossen am:</translation>
        </message>
        <message>
            <source>Expected completion:</source>
            <translation>Voraussichtlicher Abschluss:</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>überfällig</translation>
        </message>
        <message numerus="yes">
            <source>about %n minute(s)</source>
            <translation>
                <numerusform>etwa %n Minute</numerusform>
                <numerusform>etwa %n Minuten</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>about %n hour(s)</source>
            <translation>
                <numerusform>etwa %n Stunde</numerusform>
                <numerusform>etwa %n Stunden</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>up to %n day(s)</source>
            <translation>
                <numerusform>bis zu %n Tag</numerusform>
                <numerusform>bis zu %n Tage</numerusform>
            </translation>
        </message>
        <message>
            <source>fully automated</source>
            <translation>vollautomatisch</translation>
        </message>
        <message>
            <source>partly automated</source>
            <translation>teilautomatisiert</translation>
        </message>
        <message>
            <source>processed manually</source>
            <translation>manuell bearbeitet</translation>
        </message>
    </context>
    <context>
        <name>OrderWizard</name>
        <message>
            <source>New cart</source>
            <translation>Neuer Warenkorb</translation>
        </message>
    </context>
    <context>
        <name>OrderingController</name>
        <message>
            <source>An order submission interrupted earlier has been completed: order %1.</source>
            <translation>Eine zuvor unterbrochene Auftragsübermittlung wurde abgeschlossen: Auftrag %1.</translation>
        </message>
        <message>
            <source>An order submission interrupted earlier is still unconfirmed; it is retried at the next start.</source>
            <translation>Eine zuvor unterbrochene Auftragsübermittlung ist noch unbestätigt; sie wird beim nächsten Start erneut versucht.</translation>
        </message>
        <message>
            <source>An order submission interrupted earlier was refused: %1</source>
            <translation>Eine zuvor unterbrochene Auftragsübermittlung wurde abgelehnt: %1</translation>
        </message>
    </context>
    <context>
        <name>PdfViewerDialog</name>
        <message>
            <source>Previous page</source>
            <translation>Vorherige Seite</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Nächste Seite</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Vergrößern</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Verkleinern</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>Seitenbreite</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Drucken …</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Speichern unter …</translation>
        </message>
        <message>
            <source>Open with system viewer</source>
            <translation>Mit dem Standardprogramm öffnen</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Seite</translation>
        </message>
        <message>
            <source>of %1</source>
            <translation>von %1</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>Der Drucker konnte nicht gestartet werden.</translation>
        </message>
        <message>
            <source>Save document</source>
            <translation>Dokument speichern</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF-Dokumente (*.pdf)</translation>
        </message>
        <message>
            <source>The document could not be saved: %1</source>
            <translation>Das Dokument konnte nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>No program to show PDF documents was found on this computer.</source>
            <translation>Auf diesem Computer wurde kein Programm zum Anzeigen von PDF-Dokumenten gefunden.</translation>
        </message>
    </context>
    <context>
        <name>QuotePage</name>
        <message>
            <source>Quote</source>
            <translation>Angebot</translation>
        </message>
        <message>
            <source>Create the quote and send it to the customer. Once the quote exists, the cart can no longer be changed.</source>
            <translation>Erstellen Sie das Angebot und senden Sie es an den Kunden. Sobald das Angebot besteht, kann der Warenkorb nicht mehr geändert werden.</translation>
        </message>
        <message>
            <source>none – the quote cannot be sent</source>
            <translation>keine – das Angebot kann nicht versendet werden</translation>
        </message>
        <message>
            <source>not created yet</source>
            <translation>noch nicht erstellt</translation>
        </message>
        <message>
            <source>%1 (expired)</source>
            <translation>%1 (abgelaufen)</translation>
        </message>
        <message>
            <source>not sent yet</source>
            <translation>noch nicht versendet</translation>
        </message>
        <message>
            <source>The quote expired on %1; it cannot be ordered. Start a new cart.</source>
            <translation>Das Angebot ist am %1 abgelaufen und kann nicht beauftragt werden. Legen Sie einen neuen Warenkorb an.</translation>
        </message>
        <message>
            <source>%1 monthly, %2 one-time</source>
            <translation>%1 monatlich, %2 einmalig</translation>
        </message>
    </context>
    <context>
        <name>RecipientsView</name>
        <message>
            <source>No recipients recorded.</source>
            <translation>Keine Empfänger erfasst.</translation>
        </message>
    </context>
    <context>
        <name>SavedViews</name>
        <message>
            <source>My open orders</source>
            <translation>Meine offenen Aufträge</translation>
        </message>
        <message>
            <source>Clearing cases</source>
            <translation>Clearing-Fälle</translation>
        </message>
        <message>
            <source>Completed today</source>
            <translation>Heute abgeschlossen</translation>
        </message>
        <message>
            <source>Your saved views were stored by a newer OrderDesk (format %1; this version reads up to %2). They are kept unchanged; until you update, the default views are shown and changes are not saved.</source>
            <translation>Ihre gespeicherten Ansichten stammen von einer neueren OrderDesk-Version (Format %1; diese Version liest bis Format %2). Sie bleiben unverändert; bis zum Update werden die Standardansichten gezeigt und Änderungen nicht gespeichert.</translation>
        </message>
        <message>
            <source>Your saved views (%1) could not be read just now. They are kept unchanged; until the next start the default views are shown and changes are not saved.</source>
            <translation>Ihre gespeicherten Ansichten (%1) konnten gerade nicht gelesen werden. Sie bleiben unverändert; bis zum nächsten Start werden die Standardansichten gezeigt und Änderungen nicht gespeichert.</translation>
        </message>
        <message>
            <source>Your saved views could not be read and were set aside as %1. The default views are shown.</source>
            <translation>Ihre gespeicherten Ansichten waren nicht lesbar und wurden als %1 beiseitegelegt. Die Standardansichten werden gezeigt.</translation>
        </message>
        <message>
            <source>Views &amp;list</source>
            <translation>Liste der &amp;Ansichten</translation>
        </message>
        <message>
            <source>Show or hide the list of saved views (F9)</source>
            <translation>Liste der gespeicherten Ansichten ein- oder ausblenden (F9)</translation>
        </message>
        <message>
            <source>Your views could not be saved: %1</source>
            <translation>Ihre Ansichten konnten nicht gespeichert werden: %1</translation>
        </message>
        <message>
            <source>&amp;Save current view…</source>
            <translation>Aktuelle Ansicht &amp;speichern …</translation>
        </message>
        <message>
            <source>Keep the current filters, sort and columns under a name</source>
            <translation>Die aktuellen Filter, die Sortierung und die Spalten unter einem Namen behalten</translation>
        </message>
        <message>
            <source>&amp;Rename view…</source>
            <translation>Ansicht &amp;umbenennen …</translation>
        </message>
        <message>
            <source>&amp;Delete view…</source>
            <translation>Ansicht &amp;löschen …</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Nach &amp;oben</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Nach u&amp;nten</translation>
        </message>
        <message>
            <source>Vie&amp;ws</source>
            <translation>Ansi&amp;chten</translation>
        </message>
        <message>
            <source>No saved views</source>
            <translation>Keine gespeicherten Ansichten</translation>
        </message>
        <message>
            <source>Save view</source>
            <translation>Ansicht speichern</translation>
        </message>
        <message>
            <source>Name of the view:</source>
            <translation>Name der Ansicht:</translation>
        </message>
        <message>
            <source>Replace the view “%1” with the current filters?</source>
            <translation>Die Ansicht „%1“ durch die aktuellen Filter ersetzen?</translation>
        </message>
        <message>
            <source>Rename view</source>
            <translation>Ansicht umbenennen</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>Neuer Name:</translation>
        </message>
        <message>
            <source>A view needs a name that no other view has.</source>
            <translation>Eine Ansicht braucht einen Namen, den keine andere Ansicht hat.</translation>
        </message>
        <message>
            <source>Delete view</source>
            <translation>Ansicht löschen</translation>
        </message>
        <message>
            <source>Delete the view “%1”?</source>
            <translation>Die Ansicht „%1“ löschen?</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>OrderDesk – settings</source>
            <translation>OrderDesk – Einstellungen</translation>
        </message>
        <message>
            <source>My orders and quotes</source>
            <translation>Meine Aufträge und Angebote</translation>
        </message>
        <message>
            <source>All of my company's orders and quotes</source>
            <translation>Alle Aufträge und Angebote meines Unternehmens</translation>
        </message>
        <message>
            <source>None</source>
            <translation>Keine</translation>
        </message>
        <message>
            <source>Order list</source>
            <translation>Auftragsliste</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>S&amp;tart page:</source>
            <translation>S&amp;tartseite:</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialogForm</name>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>&amp;User interface:</source>
            <translation>&amp;Oberfläche:</translation>
        </message>
        <message>
            <source>A new language applies after a restart.</source>
            <translation>Eine neue Sprache gilt nach einem Neustart.</translation>
        </message>
        <message>
            <source>Synchronization</source>
            <translation>Synchronisierung</translation>
        </message>
        <message>
            <source>Synchronize &amp;every:</source>
            <translation>Synchronisieren &amp;alle:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> Min.</translation>
        </message>
        <message>
            <source>Warn when data is older than:</source>
            <translation>Warnen, wenn Daten älter sind als:</translation>
        </message>
        <message>
            <source> h</source>
            <translation> Std.</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Benachrichtigungen</translation>
        </message>
        <message>
            <source>&amp;Notify me about:</source>
            <translation>&amp;Benachrichtigen über:</translation>
        </message>
        <message>
            <source>Completed orders, clearing cases, and approved, rejected or expired quotes: in the list under the status bar's Notifications and as desktop messages.</source>
            <translation>Abgeschlossene Aufträge, Clearing-Fälle sowie freigegebene, abgelehnte oder abgelaufene Angebote: in der Liste unter „Benachrichtigungen“ in der Statusleiste und als Desktop-Meldung.</translation>
        </message>
    </context>
    <context>
        <name>Start</name>
        <message>
            <source>OrderDesk</source>
            <translation>OrderDesk</translation>
        </message>
    </context>
    <context>
        <name>SubmitPage</name>
        <message>
            <source>Order</source>
            <translation>Auftrag</translation>
        </message>
        <message>
            <source>Check the summary, then submit the order.</source>
            <translation>Prüfen Sie die Zusammenfassung und senden Sie dann den Auftrag ab.</translation>
        </message>
        <message>
            <source>&amp;Submit order</source>
            <translation>Auftrag &amp;absenden</translation>
        </message>
        <message>
            <source>a new contract is created</source>
            <translation>ein neuer Vertrag wird angelegt</translation>
        </message>
        <message>
            <source>%1 net, %2 gross</source>
            <translation>%1 netto, %2 brutto</translation>
        </message>
        <message>
            <source>none – ordered on the sales partner's power of attorney</source>
            <translation>keines – beauftragt mit der Vollmacht des Vertriebspartners</translation>
        </message>
        <message>
            <source>%1, approved by %2</source>
            <translation>%1, freigegeben von %2</translation>
        </message>
        <message>
            <source>The quote expired on %1; it cannot be ordered. Start a new cart.</source>
            <translation>Das Angebot ist am %1 abgelaufen und kann nicht beauftragt werden. Legen Sie einen neuen Warenkorb an.</translation>
        </message>
        <message>
            <source>The connection dropped while submitting. The order may already have reached the provider: press "Submit order" again when the connection is back – it is created only once.</source>
            <translation>Die Verbindung brach beim Absenden ab. Der Auftrag hat den Anbieter womöglich schon erreicht: Drücken Sie „Auftrag absenden“ erneut, sobald die Verbindung wieder steht – er wird nur einmal angelegt.</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>A synchronization is already running. To stop it, click Cancel beside the progress bar.</source>
            <translation>Eine Synchronisierung läuft bereits. Zum Anhalten neben dem Fortschrittsbalken auf „Abbrechen“ klicken.</translation>
        </message>
        <message>
            <source>Synchronization cancelled. What had arrived is kept; press F5 to continue.</source>
            <translation>Synchronisierung abgebrochen. Was bereits angekommen ist, bleibt erhalten; mit F5 geht es weiter.</translation>
        </message>
        <message>
            <source>Not logged in: the cached data stays readable. To synchronize, log in again (File → Log in again…).</source>
            <translation>Nicht angemeldet: Die zwischengespeicherten Daten bleiben lesbar. Zum Synchronisieren melden Sie sich erneut an (Datei → Erneut anmelden …).</translation>
        </message>
        <message>
            <source>Offline – showing cached data from %1</source>
            <translation>Offline – zwischengespeicherte Daten vom %1</translation>
        </message>
        <message>
            <source>No data has been synced yet.</source>
            <translation>Es wurden noch keine Daten synchronisiert.</translation>
        </message>
        <message>
            <source>The cached data is from %1 and may be out of date.</source>
            <translation>Die zwischengespeicherten Daten sind vom %1 und womöglich veraltet.</translation>
        </message>
        <message>
            <source>never</source>
            <translation>nie</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicators</name>
        <message>
            <source>Cancel</source>
            <translation>Abbrechen</translation>
        </message>
        <message>
            <source>Stop the synchronization; what has arrived so far is kept.</source>
            <translation>Synchronisierung anhalten; was bereits angekommen ist, bleibt erhalten.</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Ausblenden</translation>
        </message>
        <message>
            <source>Not synchronized yet</source>
            <translation>Noch nicht synchronisiert</translation>
        </message>
        <message>
            <source>Last synchronized: %1</source>
            <translation>Zuletzt synchronisiert: %1</translation>
        </message>
        <message>
            <source>the connection to the order backend is being established.</source>
            <translation>die Verbindung zum Auftrags-Backend wird aufgebaut.</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>The order backend can be reached.</source>
            <translation>Das Auftrags-Backend ist erreichbar.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Verbindung wird aufgebaut …</translation>
        </message>
        <message>
            <source>Waiting for the order backend's first answer.</source>
            <translation>Warte auf die erste Antwort des Auftrags-Backends.</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>The order backend cannot be reached.</source>
            <translation>Das Auftrags-Backend ist nicht erreichbar.</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <source>No status changes recorded yet.</source>
            <translation>Noch keine Statusänderungen erfasst.</translation>
        </message>
    </context>
    <context>
        <name>TotalsView</name>
        <message>
            <source>VAT %1 %</source>
            <translation>USt. %1 %</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Netto</translation>
        </message>
        <message>
            <source>Gross</source>
            <translation>Brutto</translation>
        </message>
        <message>
            <source>Monthly total</source>
            <translation>Summe monatlich</translation>
        </message>
        <message>
            <source>One-time total</source>
            <translation>Summe einmalig</translation>
        </message>
    </context>
    <context>
        <name>TransactionPage</name>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>One cart holds one business transaction. Reorders, extensions, product changes and usage locations act on a contract.</source>
            <translation>Ein Warenkorb enthält einen Geschäftsvorfall. Nachbestellungen, Verlängerungen, Produktwechsel und Nutzungsorte beziehen sich auf einen Vertrag.</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>gekündigt</translation>
        </message>
        <message>
            <source>running</source>
            <translation>laufend</translation>
        </message>
        <message>
            <source>minimum term until %1</source>
            <translation>Mindestlaufzeit bis %1</translation>
        </message>
        <message>
            <source>product change approved</source>
            <translation>Produktwechsel genehmigt</translation>
        </message>
        <message>
            <source>Contract %1 already has an open cart: %2.</source>
            <translation>Für den Vertrag %1 gibt es bereits einen offenen Warenkorb: %2.</translation>
        </message>
        <message>
            <source>Contract %1 already has an open cart.</source>
            <translation>Für den Vertrag %1 gibt es bereits einen offenen Warenkorb.</translation>
        </message>
        <message>
            <source>Delete cart</source>
            <translation>Warenkorb löschen</translation>
        </message>
        <message>
            <source>Delete the open cart (%1)?

This cannot be undone.</source>
            <translation>Den offenen Warenkorb löschen (%1)?

Das kann nicht rückgängig gemacht werden.</translation>
        </message>
        <message>
            <source>A new order always creates a new contract.</source>
            <translation>Eine Neubestellung legt immer einen neuen Vertrag an.</translation>
        </message>
        <message>
            <source>This customer has no contracts in the local cache.</source>
            <translation>Dieser Kunde hat keine Verträge im lokalen Cache.</translation>
        </message>
        <message>
            <source>Choose the contract this order acts on.</source>
            <translation>Wählen Sie den Vertrag, auf den sich dieser Auftrag bezieht.</translation>
        </message>
        <message>
            <source>Inside the minimum term: the change request is approved; the product-change fee is added to the cart automatically.</source>
            <translation>Innerhalb der Mindestlaufzeit: Der Änderungsantrag ist genehmigt; die Produktwechselgebühr wird dem Warenkorb automatisch hinzugefügt.</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>Neubestellung</translation>
        </message>
        <message>
            <source>Reorder</source>
            <translation>Nachbestellung</translation>
        </message>
        <message>
            <source>Contract extension</source>
            <translation>Vertragsverlängerung</translation>
        </message>
        <message>
            <source>Product change</source>
            <translation>Produktwechsel</translation>
        </message>
        <message>
            <source>Product change with new order</source>
            <translation>Produktwechsel mit Neubestellung</translation>
        </message>
        <message>
            <source>Usage location</source>
            <translation>Nutzungsort</translation>
        </message>
    </context>
    <context>
        <name>ViewListModel</name>
        <message>
            <source>%1 (Ctrl+%2)</source>
            <translation>%1 (Strg+%2)</translation>
        </message>
    </context>
    <context>
        <name>ViewsDock</name>
        <message>
            <source>Views</source>
            <translation>Ansichten</translation>
        </message>
        <message>
            <source>Click a view to show it; F2 renames it; drag to reorder</source>
            <translation>Klick zeigt eine Ansicht; F2 benennt sie um; Ziehen ändert die Reihenfolge</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <source>&amp;Synchronize</source>
            <translation>&amp;Synchronisieren</translation>
        </message>
        <message>
            <source>Fetch the latest changes from the order backend (F5)</source>
            <translation>Die neuesten Änderungen vom Auftrags-Backend holen (F5)</translation>
        </message>
        <message>
            <source>&amp;New cart…</source>
            <translation>&amp;Neuer Warenkorb …</translation>
        </message>
        <message>
            <source>&amp;Carts and quotes…</source>
            <translation>&amp;Warenkörbe und Angebote …</translation>
        </message>
        <message>
            <source>Open carts and quotes: resume, withdraw, delete (Ctrl+Shift+A)</source>
            <translation>Offene Warenkörbe und Angebote: fortsetzen, zurückziehen, löschen (Strg+Umschalt+A)</translation>
        </message>
        <message>
            <source>&amp;Print confirmation…</source>
            <translation>Bestätigung &amp;drucken …</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Druck&amp;vorschau …</translation>
        </message>
        <message>
            <source>Save confirmation as P&amp;DF…</source>
            <translation>Bestätigung als P&amp;DF speichern …</translation>
        </message>
        <message>
            <source>E&amp;xport confirmations of the selected orders…</source>
            <translation>Bestätigungen der ausgewählten Aufträge e&amp;xportieren …</translation>
        </message>
        <message>
            <source>Print confirmations of the selected &amp;orders…</source>
            <translation>Bestätigungen der ausgewählten Aufträge dr&amp;ucken …</translation>
        </message>
        <message>
            <source>Print the confirmations of all selected orders in one print job</source>
            <translation>Die Auftragseingangsbestätigungen aller ausgewählten Aufträge in einem Druckauftrag drucken</translation>
        </message>
        <message>
            <source>Expor&amp;t list…</source>
            <translation>Liste expor&amp;tieren …</translation>
        </message>
        <message>
            <source>Export the listed orders as filtered and sorted, with the visible columns, as XLSX or CSV (Ctrl+E)</source>
            <translation>Die aufgelisteten Aufträge gefiltert und sortiert, mit den sichtbaren Spalten, als XLSX oder CSV exportieren (Strg+E)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>&amp;Log in again…</source>
            <translation>Erneut &amp;anmelden …</translation>
        </message>
        <message>
            <source>Log in to the order backend again to synchronize</source>
            <translation>Erneut am Auftrags-Backend anmelden, um zu synchronisieren</translation>
        </message>
        <message>
            <source>&amp;Find orders</source>
            <translation>Aufträge &amp;suchen</translation>
        </message>
        <message>
            <source>&amp;Previous order</source>
            <translation>&amp;Vorheriger Auftrag</translation>
        </message>
        <message>
            <source>N&amp;ext order</source>
            <translation>Nä&amp;chster Auftrag</translation>
        </message>
        <message>
            <source>&amp;Reset filters</source>
            <translation>Filter &amp;zurücksetzen</translation>
        </message>
        <message>
            <source>Order &amp;details</source>
            <translation>Auftrags&amp;details</translation>
        </message>
        <message>
            <source>Processing &amp;status</source>
            <translation>Bearbeitungs&amp;status</translation>
        </message>
        <message>
            <source>&amp;German</source>
            <translation>&amp;Deutsch</translation>
        </message>
        <message>
            <source>&amp;English</source>
            <translation>&amp;Englisch</translation>
        </message>
        <message>
            <source>&amp;Dashboard</source>
            <translation>&amp;Dashboard</translation>
        </message>
        <message>
            <source>What needs attention: counts, orders per week, processing times (Ctrl+Shift+D)</source>
            <translation>Was Aufmerksamkeit braucht: Zahlen, Aufträge pro Woche, Bearbeitungsdauer (Strg+Umschalt+D)</translation>
        </message>
        <message>
            <source>&amp;Order list</source>
            <translation>Auftrags&amp;liste</translation>
        </message>
        <message>
            <source>&amp;Notifications…</source>
            <translation>&amp;Benachrichtigungen…</translation>
        </message>
        <message>
            <source>What happened to your orders and quotes (Ctrl+Shift+N)</source>
            <translation>Was mit Ihren Aufträgen und Angeboten geschehen ist (Strg+Umschalt+N)</translation>
        </message>
        <message>
            <source>&amp;Contracts…</source>
            <translation>&amp;Verträge …</translation>
        </message>
        <message>
            <source>Your customers' contracts, the orders that made them and new carts for them (Ctrl+Shift+V)</source>
            <translation>Die Verträge Ihrer Kunden, die Aufträge dazu und neue Warenkörbe dafür (Strg+Umschalt+V)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Einstellungen …</translation>
        </message>
        <message>
            <source>&amp;About OrderDesk…</source>
            <translation>Ü&amp;ber OrderDesk …</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>&amp;Orders</source>
            <translation>&amp;Aufträge</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message>
            <source>Applies after a restart</source>
            <translation>Gilt nach einem Neustart</translation>
        </message>
        <message>
            <source>Main tool bar</source>
            <translation>Hauptwerkzeugleiste</translation>
        </message>
        <message>
            <source>Start a new cart with the order wizard (Ctrl+N)</source>
            <translation>Einen neuen Warenkorb im Auftragsassistenten anlegen (Strg+N)</translation>
        </message>
        <message>
            <source>The order wizard needs a signed-in backend connection.</source>
            <translation>Der Auftragsassistent braucht eine angemeldete Verbindung zum Backend.</translation>
        </message>
        <message>
            <source>the order backend cannot be reached.</source>
            <translation>das Auftrags-Backend ist nicht erreichbar.</translation>
        </message>
        <message>
            <source>Offline: %1</source>
            <translation>Offline: %1</translation>
        </message>
    </context>
    <context>
        <name>WizardApprovalForm</name>
        <message>
            <source>Customer's approval</source>
            <translation>Freigabe des Kunden</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Demo mode: simulate the customer's click on the approval link in the quote email.</source>
            <translation>Demo-Modus: den Klick des Kunden auf den Freigabelink in der Angebots-E-Mail simulieren.</translation>
        </message>
        <message>
            <source>&amp;Approver's email</source>
            <translation>E-&amp;Mail des Freigebenden</translation>
        </message>
        <message>
            <source>Simulate customer a&amp;pproval</source>
            <translation>Kundenfreigabe &amp;simulieren</translation>
        </message>
        <message>
            <source>Chec&amp;k again</source>
            <translation>Erneut &amp;prüfen</translation>
        </message>
        <message>
            <source>Provider's approval (prospects)</source>
            <translation>Freigabe des Anbieters (Interessenten)</translation>
        </message>
        <message>
            <source>Provider-staff &amp;user</source>
            <translation>&amp;Benutzer des Anbieters</translation>
        </message>
        <message>
            <source>Pass&amp;word</source>
            <translation>Passw&amp;ort</translation>
        </message>
        <message>
            <source>&amp;Give provider approval</source>
            <translation>Anbieterfreigabe &amp;erteilen</translation>
        </message>
    </context>
    <context>
        <name>WizardCartForm</name>
        <message>
            <source>Read-only: a quote was created from this cart, so it can no longer be changed.</source>
            <translation>Nur lesbar: Aus diesem Warenkorb wurde ein Angebot erstellt, daher kann er nicht mehr geändert werden.</translation>
        </message>
        <message>
            <source>Add an item</source>
            <translation>Position hinzufügen</translation>
        </message>
        <message>
            <source>&amp;Product</source>
            <translation>&amp;Produkt</translation>
        </message>
        <message>
            <source>&amp;Quantity</source>
            <translation>&amp;Menge</translation>
        </message>
        <message>
            <source>Options</source>
            <translation>Optionen</translation>
        </message>
        <message>
            <source>Usage location</source>
            <translation>Nutzungsort</translation>
        </message>
        <message>
            <source>&amp;Street</source>
            <translation>&amp;Straße</translation>
        </message>
        <message>
            <source>Postal co&amp;de</source>
            <translation>Post&amp;leitzahl</translation>
        </message>
        <message>
            <source>C&amp;ity</source>
            <translation>&amp;Ort</translation>
        </message>
        <message>
            <source>P&amp;hone numbers</source>
            <translation>&amp;Rufnummern</translation>
        </message>
        <message>
            <source>e.g. 040 1234567, 040 1234568</source>
            <translation>z. B. 040 1234567, 040 1234568</translation>
        </message>
        <message>
            <source>&amp;Add to cart</source>
            <translation>In den Waren&amp;korb</translation>
        </message>
        <message>
            <source>Cart</source>
            <translation>Warenkorb</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>&amp;Remove item</source>
            <translation>Position &amp;entfernen</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Netto</translation>
        </message>
        <message>
            <source>Gross</source>
            <translation>Brutto</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Monatlich</translation>
        </message>
        <message>
            <source>One-time</source>
            <translation>Einmalig</translation>
        </message>
    </context>
    <context>
        <name>WizardCustomerForm</name>
        <message>
            <source>Existing customer or prospect</source>
            <translation>Bestandskunde oder Interessent</translation>
        </message>
        <message>
            <source>Search company, contact, customer number or city</source>
            <translation>Firma, Ansprechpartner, Kundennummer oder Ort suchen</translation>
        </message>
        <message>
            <source>New prospect</source>
            <translation>Neuer Interessent</translation>
        </message>
        <message>
            <source>&amp;Company</source>
            <translation>&amp;Firma</translation>
        </message>
        <message>
            <source>C&amp;ontact person</source>
            <translation>&amp;Ansprechpartner</translation>
        </message>
        <message>
            <source>&amp;Street</source>
            <translation>&amp;Straße</translation>
        </message>
        <message>
            <source>&amp;Postal code</source>
            <translation>&amp;Postleitzahl</translation>
        </message>
        <message>
            <source>C&amp;ity</source>
            <translation>&amp;Ort</translation>
        </message>
        <message>
            <source>&amp;Email (master data)</source>
            <translation>&amp;E-Mail (Stammdaten)</translation>
        </message>
        <message>
            <source>Create p&amp;rospect</source>
            <translation>Interessent an&amp;legen</translation>
        </message>
    </context>
    <context>
        <name>WizardPage</name>
        <message>
            <source>Offline: the order wizard needs the order backend. Everything entered is kept; continue when the connection is back.</source>
            <translation>Offline: Der Auftragsassistent braucht das Auftrags-Backend. Alle Eingaben bleiben erhalten; machen Sie weiter, sobald die Verbindung wieder steht.</translation>
        </message>
        <message>
            <source>The order wizard needs the order backend, which cannot be reached now. Everything entered is kept: try again when the connection is back.</source>
            <translation>Der Auftragsassistent braucht das Auftrags-Backend, das gerade nicht erreichbar ist. Alle Eingaben bleiben erhalten: Versuchen Sie es erneut, sobald die Verbindung wieder steht.</translation>
        </message>
    </context>
    <context>
        <name>WizardQuoteForm</name>
        <message>
            <source>Order &amp;without a quote (sales-partner power of attorney)</source>
            <translation>&amp;Ohne Angebot beauftragen (Vollmacht des Vertriebspartners)</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Angebot</translation>
        </message>
        <message>
            <source>Quote number</source>
            <translation>Angebotsnummer</translation>
        </message>
        <message>
            <source>&amp;Create quote</source>
            <translation>Angebot &amp;erstellen</translation>
        </message>
        <message>
            <source>State</source>
            <translation>Zustand</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Gültig bis</translation>
        </message>
        <message>
            <source>Totals (gross)</source>
            <translation>Summen (brutto)</translation>
        </message>
        <message>
            <source>Send the quote by email</source>
            <translation>Angebot per E-Mail senden</translation>
        </message>
        <message>
            <source>Master-data email</source>
            <translation>E-Mail aus den Stammdaten</translation>
        </message>
        <message>
            <source>E&amp;xtra recipient (optional)</source>
            <translation>Weiterer Emp&amp;fänger (optional)</translation>
        </message>
        <message>
            <source>&amp;Send quote</source>
            <translation>Angebot &amp;senden</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>Gesendet an</translation>
        </message>
    </context>
    <context>
        <name>WizardSubmitForm</name>
        <message>
            <source>Summary</source>
            <translation>Zusammenfassung</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Kunde</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Vertrag</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Positionen</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Monatlich</translation>
        </message>
        <message>
            <source>One-time</source>
            <translation>Einmalig</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Angebot</translation>
        </message>
        <message>
            <source>"Submit order" sends the order to the provider. It can be pressed again safely after a timeout: the order is created only once.</source>
            <translation>„Auftrag absenden“ übermittelt den Auftrag an den Anbieter. Nach einer Zeitüberschreitung kann es gefahrlos erneut gedrückt werden: Der Auftrag wird nur einmal angelegt.</translation>
        </message>
    </context>
    <context>
        <name>WizardTransactionForm</name>
        <message>
            <source>Business transaction</source>
            <translation>Geschäftsvorfall</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Vertrag</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>The local cache cannot be written: the disk is full.</source>
            <translation>Der lokale Cache kann nicht geschrieben werden: der Datenträger ist voll.</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Details: %1</source>
            <translation>Einzelheiten: %1</translation>
        </message>
        <message>
            <source>OrderDesk</source>
            <translation>OrderDesk</translation>
        </message>
    </context>
</TS>
