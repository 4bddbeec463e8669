<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About OrderDesk</source>
            <translation>About OrderDesk</translation>
        </message>
        <message>
            <source>Order client for back-office order clerks.</source>
            <translation>Order client for back-office order clerks.</translation>
        </message>
        <message>
            <source>unknown</source>
            <translation>unknown</translation>
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
            <translation>&amp;Copy diagnostic information</translation>
        </message>
        <message>
            <source>Versions, operating system, paths and the last sync state for support; no passwords or tokens</source>
            <translation>Versions, operating system, paths and the last sync state for support; no passwords or tokens</translation>
        </message>
        <message>
            <source>Copied to the clipboard.</source>
            <translation>Copied to the clipboard.</translation>
        </message>
    </context>
    <context>
        <name>ApprovalPage</name>
        <message>
            <source>Approval</source>
            <translation>Approval</translation>
        </message>
        <message>
            <source>The quote waits for the customer's approval; a prospect's quote also for the provider's.</source>
            <translation>The quote waits for the customer's approval; a prospect's quote also for the provider's.</translation>
        </message>
        <message>
            <source>Not sent yet.</source>
            <translation>Not sent yet.</translation>
        </message>
        <message>
            <source>Waiting for the customer's approval (sent to %1).</source>
            <translation>Waiting for the customer's approval (sent to %1).</translation>
        </message>
        <message>
            <source>Approved by %1.</source>
            <translation>Approved by %1.</translation>
        </message>
        <message>
            <source>Rejected by the customer: this quote cannot be ordered.</source>
            <translation>Rejected by the customer: this quote cannot be ordered.</translation>
        </message>
        <message>
            <source>Withdrawn.</source>
            <translation>Withdrawn.</translation>
        </message>
        <message>
            <source>Expired.</source>
            <translation>Expired.</translation>
        </message>
        <message>
            <source>Ordered.</source>
            <translation>Ordered.</translation>
        </message>
        <message>
            <source>The quote expired on %1; it cannot be ordered. Start a new cart.</source>
            <translation>The quote expired on %1; it cannot be ordered. Start a new cart.</translation>
        </message>
        <message>
            <source>Approved by the provider.</source>
            <translation>Approved by the provider.</translation>
        </message>
        <message>
            <source>Waiting for the provider's check and approval.</source>
            <translation>Waiting for the provider's check and approval.</translation>
        </message>
        <message>
            <source>You are signed in as provider staff and may approve it.</source>
            <translation>You are signed in as provider staff and may approve it.</translation>
        </message>
        <message>
            <source>Only a provider-staff login can give this approval. In demo mode, enter one below (for example anna.berger); it is used for this approval only and not stored.</source>
            <translation>Only a provider-staff login can give this approval. In demo mode, enter one below (for example anna.berger); it is used for this approval only and not stored.</translation>
        </message>
        <message>
            <source>The approver's email is required.</source>
            <translation>The approver's email is required.</translation>
        </message>
        <message>
            <source>Enter a provider-staff user name and password.</source>
            <translation>Enter a provider-staff user name and password.</translation>
        </message>
    </context>
    <context>
        <name>CacheCare</name>
        <message>
            <source>The damaged file is kept for support: %1</source>
            <translation>The damaged file is kept for support: %1</translation>
        </message>
        <message>
            <source>The local cache was damaged and has been rebuilt from the order backend.</source>
            <translation>The local cache was damaged and has been rebuilt from the order backend.</translation>
        </message>
        <message>
            <source>The local cache was damaged and has been set aside. Cached orders are unavailable until the order backend can be reached; then OrderDesk rebuilds the cache by itself.</source>
            <translation>The local cache was damaged and has been set aside. Cached orders are unavailable until the order backend can be reached; then OrderDesk rebuilds the cache by itself.</translation>
        </message>
        <message>
            <source>The local cache was damaged and has been set aside. OrderDesk is rebuilding it from the order backend; the orders appear as they arrive.</source>
            <translation>The local cache was damaged and has been set aside. OrderDesk is rebuilding it from the order backend; the orders appear as they arrive.</translation>
        </message>
        <message>
            <source>Order submissions that were still in flight could not all be read from it: please check in the order overview whether your last orders arrived.</source>
            <translation>Order submissions that were still in flight could not all be read from it: please check in the order overview whether your last orders arrived.</translation>
        </message>
        <message numerus="yes">
            <source>%n order submission(s) still in flight were kept and are completed.</source>
            <translation>
                <numerusform>%n order submission still in flight were kept and are completed.</numerusform>
                <numerusform>%n order submissions still in flight were kept and are completed.</numerusform>
            </translation>
        </message>
        <message>
            <source>The disk holding the local cache is full. OrderDesk shows the cached orders read-only and does not synchronize; once space has been freed it continues by itself. Folder: %1</source>
            <translation>The disk holding the local cache is full. OrderDesk shows the cached orders read-only and does not synchronize; once space has been freed it continues by itself. Folder: %1</translation>
        </message>
        <message>
            <source>The local cache is damaged. Please close OrderDesk and start it again: it then sets the damaged file aside and rebuilds the cache from the order backend. Folder: %1</source>
            <translation>The local cache is damaged. Please close OrderDesk and start it again: it then sets the damaged file aside and rebuilds the cache from the order backend. Folder: %1</translation>
        </message>
    </context>
    <context>
        <name>CacheNotice</name>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
    </context>
    <context>
        <name>CancelQuestion</name>
        <message>
            <source>Cancel the order wizard</source>
            <translation>Cancel the order wizard</translation>
        </message>
        <message>
            <source>A cart is stored for this order: %1.</source>
            <translation>A cart is stored for this order: %1.</translation>
        </message>
        <message>
            <source>Keep it to continue later from Orders → Carts and quotes; while it is open, the contract takes no other cart. Or delete it.</source>
            <translation>Keep it to continue later from Orders → Carts and quotes; while it is open, the contract takes no other cart. Or delete it.</translation>
        </message>
        <message>
            <source>&amp;Keep cart</source>
            <translation>&amp;Keep cart</translation>
        </message>
        <message>
            <source>&amp;Delete cart</source>
            <translation>&amp;Delete cart</translation>
        </message>
        <message>
            <source>&amp;Go back</source>
            <translation>&amp;Go back</translation>
        </message>
    </context>
    <context>
        <name>CartActionRunner</name>
        <message>
            <source>The quote could not be withdrawn</source>
            <translation>The quote could not be withdrawn</translation>
        </message>
        <message>
            <source>Withdrawing quote %1…</source>
            <translation>Withdrawing quote %1…</translation>
        </message>
        <message>
            <source>The cart could not be deleted</source>
            <translation>The cart could not be deleted</translation>
        </message>
        <message>
            <source>Deleting the cart…</source>
            <translation>Deleting the cart…</translation>
        </message>
        <message>
            <source>Quote %1 has been withdrawn.</source>
            <translation>Quote %1 has been withdrawn.</translation>
        </message>
        <message>
            <source>The cart has been deleted.</source>
            <translation>The cart has been deleted.</translation>
        </message>
    </context>
    <context>
        <name>CartPage</name>
        <message>
            <source>Cart</source>
            <translation>Cart</translation>
        </message>
        <message>
            <source>Add products with their options and usage locations. The cart is stored on the backend and checked after each change.</source>
            <translation>Add products with their options and usage locations. The cart is stored on the backend and checked after each change.</translation>
        </message>
        <message>
            <source>Option</source>
            <translation>Option</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Phone numbers (porting)</source>
            <translation>Phone numbers (porting)</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Monthly (net)</source>
            <translation>Monthly (net)</translation>
        </message>
        <message>
            <source>One-time (net)</source>
            <translation>One-time (net)</translation>
        </message>
        <message>
            <source>added automatically</source>
            <translation>added automatically</translation>
        </message>
    </context>
    <context>
        <name>CartQuoteTableModel</name>
        <message>
            <source>Tenant: %1</source>
            <translation>Tenant: %1</translation>
        </message>
        <message>
            <source>Gross: %1</source>
            <translation>Gross: %1</translation>
        </message>
    </context>
    <context>
        <name>CartsQuotes</name>
        <message>
            <source>Type</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Quote number</source>
            <translation>Quote number</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Contract</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Products</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>Monthly (net)</source>
            <translation>Monthly (net)</translation>
        </message>
        <message>
            <source>One-time (net)</source>
            <translation>One-time (net)</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Cart</source>
            <translation>Cart</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>Approved</translation>
        </message>
        <message>
            <source>Rejected</source>
            <translation>Rejected</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>Withdrawn</translation>
        </message>
        <message>
            <source>Expired</source>
            <translation>Expired</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>Ordered</translation>
        </message>
        <message>
            <source>The cart can still be changed; no quote yet.</source>
            <translation>The cart can still be changed; no quote yet.</translation>
        </message>
        <message>
            <source>The quote has been created but not sent yet.</source>
            <translation>The quote has been created but not sent yet.</translation>
        </message>
        <message>
            <source>The quote waits for the customer's approval.</source>
            <translation>The quote waits for the customer's approval.</translation>
        </message>
        <message>
            <source>The customer has approved the quote.</source>
            <translation>The customer has approved the quote.</translation>
        </message>
        <message>
            <source>The customer has rejected the quote.</source>
            <translation>The customer has rejected the quote.</translation>
        </message>
        <message>
            <source>The quote has been withdrawn.</source>
            <translation>The quote has been withdrawn.</translation>
        </message>
        <message>
            <source>The quote's validity date has passed.</source>
            <translation>The quote's validity date has passed.</translation>
        </message>
        <message>
            <source>The quote has been ordered.</source>
            <translation>The quote has been ordered.</translation>
        </message>
        <message>
            <source>the order backend cannot be reached.</source>
            <translation>the order backend cannot be reached.</translation>
        </message>
        <message>
            <source>Offline: %1</source>
            <translation>Offline: %1</translation>
        </message>
        <message>
            <source>Select a cart or quote first.</source>
            <translation>Select a cart or quote first.</translation>
        </message>
        <message>
            <source>Please wait until the running action has finished.</source>
            <translation>Please wait until the running action has finished.</translation>
        </message>
        <message>
            <source>Continue this cart in the order wizard (Enter).</source>
            <translation>Continue this cart in the order wizard (Enter).</translation>
        </message>
        <message>
            <source>Continue with this quote in the order wizard (Enter).</source>
            <translation>Continue with this quote in the order wizard (Enter).</translation>
        </message>
        <message>
            <source>The customer has rejected this quote, so it cannot be ordered. Delete the cart and start a new one.</source>
            <translation>The customer has rejected this quote, so it cannot be ordered. Delete the cart and start a new one.</translation>
        </message>
        <message>
            <source>This quote has been withdrawn, so it cannot be ordered.</source>
            <translation>This quote has been withdrawn, so it cannot be ordered.</translation>
        </message>
        <message>
            <source>This quote has expired, so it cannot be ordered.</source>
            <translation>This quote has expired, so it cannot be ordered.</translation>
        </message>
        <message>
            <source>Only a quote can be withdrawn; this cart has none yet.</source>
            <translation>Only a quote can be withdrawn; this cart has none yet.</translation>
        </message>
        <message>
            <source>Withdraw this quote: the customer can no longer approve it (Ctrl+Shift+W).</source>
            <translation>Withdraw this quote: the customer can no longer approve it (Ctrl+Shift+W).</translation>
        </message>
        <message>
            <source>The customer has rejected this quote; there is nothing to withdraw.</source>
            <translation>The customer has rejected this quote; there is nothing to withdraw.</translation>
        </message>
        <message>
            <source>This quote has already been withdrawn.</source>
            <translation>This quote has already been withdrawn.</translation>
        </message>
        <message>
            <source>This quote has expired; there is nothing to withdraw.</source>
            <translation>This quote has expired; there is nothing to withdraw.</translation>
        </message>
        <message>
            <source>Delete this cart together with its quote (Del).</source>
            <translation>Delete this cart together with its quote (Del).</translation>
        </message>
        <message>
            <source>Delete this cart (Del).</source>
            <translation>Delete this cart (Del).</translation>
        </message>
    </context>
    <context>
        <name>CartsQuotesWindow</name>
        <message>
            <source>quotes awaiting the customer's approval</source>
            <translation>quotes awaiting the customer's approval</translation>
        </message>
        <message>
            <source>prospects' quotes awaiting the provider's approval</source>
            <translation>prospects' quotes awaiting the provider's approval</translation>
        </message>
        <message>
            <source>quotes expiring within 7 days</source>
            <translation>quotes expiring within 7 days</translation>
        </message>
        <message>
            <source>open carts</source>
            <translation>open carts</translation>
        </message>
        <message>
            <source>OrderDesk – carts and quotes</source>
            <translation>OrderDesk – carts and quotes</translation>
        </message>
        <message>
            <source>&amp;State:</source>
            <translation>&amp;State:</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>All states</translation>
        </message>
        <message>
            <source>Search quote number, customer, contract, product…</source>
            <translation>Search quote number, customer, contract, product…</translation>
        </message>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Resume</translation>
        </message>
        <message>
            <source>&amp;Withdraw quote…</source>
            <translation>&amp;Withdraw quote…</translation>
        </message>
        <message>
            <source>&amp;Delete cart…</source>
            <translation>&amp;Delete cart…</translation>
        </message>
        <message>
            <source>&amp;Synchronize</source>
            <translation>&amp;Synchronize</translation>
        </message>
        <message>
            <source>Fetch the latest changes from the order backend</source>
            <translation>Fetch the latest changes from the order backend</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Cart and quote actions</source>
            <translation>Cart and quote actions</translation>
        </message>
        <message>
            <source>%1 of %2 carts and quotes</source>
            <translation>%1 of %2 carts and quotes</translation>
        </message>
        <message>
            <source>No cart or quote matches the filter.</source>
            <translation>No cart or quote matches the filter.</translation>
        </message>
        <message>
            <source>There are no open carts or quotes.
New carts are created with the order wizard; they appear here after the next synchronization (F5).</source>
            <translation>There are no open carts or quotes.
New carts are created with the order wizard; they appear here after the next synchronization (F5).</translation>
        </message>
        <message>
            <source>Withdraw quote</source>
            <translation>Withdraw quote</translation>
        </message>
        <message>
            <source>Withdraw quote %1 for %2?

The customer can then no longer approve it, and it cannot be ordered.</source>
            <translation>Withdraw quote %1 for %2?

The customer can then no longer approve it, and it cannot be ordered.</translation>
        </message>
        <message>
            <source>Delete the cart for %1 together with its quote %2?

This cannot be undone.</source>
            <translation>Delete the cart for %1 together with its quote %2?

This cannot be undone.</translation>
        </message>
        <message>
            <source>Delete the cart for %1?

This cannot be undone.</source>
            <translation>Delete the cart for %1?

This cannot be undone.</translation>
        </message>
        <message>
            <source>Delete cart</source>
            <translation>Delete cart</translation>
        </message>
        <message>
            <source>Dashboard: %1.</source>
            <translation>Dashboard: %1.</translation>
        </message>
        <message>
            <source>Show all</source>
            <translation>Show all</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationDialog</name>
        <message>
            <source>Order-receipt confirmation %1</source>
            <translation>Order-receipt confirmation %1</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationForm</name>
        <message>
            <source>Open order in the &amp;overview</source>
            <translation>Open order in the &amp;overview</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Order number</source>
            <translation>Order number</translation>
        </message>
        <message>
            <source>Order date</source>
            <translation>Order date</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Contract</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Confirmed by</source>
            <translation>Confirmed by</translation>
        </message>
        <message>
            <source>Sales partner</source>
            <translation>Sales partner</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>No documents for this order.</source>
            <translation>No documents for this order.</translation>
        </message>
        <message>
            <source>Confirmation email sent to</source>
            <translation>Confirmation email sent to</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationOutput</name>
        <message>
            <source>The order is not in the local cache (any more).</source>
            <translation>The order is not in the local cache (any more).</translation>
        </message>
        <message>
            <source>OrderDesk</source>
            <translation>OrderDesk</translation>
        </message>
        <message>
            <source>Print preview – order %1</source>
            <translation>Print preview – order %1</translation>
        </message>
        <message>
            <source>Print confirmation – order %1</source>
            <translation>Print confirmation – order %1</translation>
        </message>
        <message>
            <source>A batch print is already running.</source>
            <translation>A batch print is already running.</translation>
        </message>
        <message numerus="yes">
            <source>Print %n confirmation(s)</source>
            <translation>
                <numerusform>Print %n confirmation</numerusform>
                <numerusform>Print %n confirmations</numerusform>
            </translation>
        </message>
        <message>
            <source>Printing the confirmations…</source>
            <translation>Printing the confirmations…</translation>
        </message>
        <message>
            <source>Print confirmations</source>
            <translation>Print confirmations</translation>
        </message>
        <message>
            <source>Printing confirmation %1 of %2…</source>
            <translation>Printing confirmation %1 of %2…</translation>
        </message>
        <message numerus="yes">
            <source>%n confirmation(s) printed in one print job.</source>
            <translation>
                <numerusform>%n confirmation printed in one print job.</numerusform>
                <numerusform>%n confirmations printed in one print job.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n page(s) in all.</source>
            <translation>
                <numerusform>%n page in all.</numerusform>
                <numerusform>%n pages in all.</numerusform>
            </translation>
        </message>
        <message>
            <source>Printing was cancelled; the job was withdrawn.</source>
            <translation>Printing was cancelled; the job was withdrawn.</translation>
        </message>
        <message>
            <source>Printing was cancelled; the pages printed so far may still come out.</source>
            <translation>Printing was cancelled; the pages printed so far may still come out.</translation>
        </message>
        <message>
            <source>Save confirmation as PDF</source>
            <translation>Save confirmation as PDF</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>Folder for the confirmations</source>
            <translation>Folder for the confirmations</translation>
        </message>
        <message>
            <source>An export is already running.</source>
            <translation>An export is already running.</translation>
        </message>
        <message>
            <source>Writing the confirmations as PDF…</source>
            <translation>Writing the confirmations as PDF…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Export confirmations</source>
            <translation>Export confirmations</translation>
        </message>
        <message numerus="yes">
            <source>%n confirmation(s) written to %1.</source>
            <translation>
                <numerusform>%n confirmation written to %1.</numerusform>
                <numerusform>%n confirmations written to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>The export was cancelled; the files written so far are complete.</source>
            <translation>The export was cancelled; the files written so far are complete.</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) are no longer in the local cache.</source>
            <translation>
                <numerusform>%n order are no longer in the local cache.</numerusform>
                <numerusform>%n orders are no longer in the local cache.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n file(s) could not be written:</source>
            <translation>
                <numerusform>%n file could not be written:</numerusform>
                <numerusform>%n files could not be written:</numerusform>
            </translation>
        </message>
        <message>
            <source>This document is no longer listed for the order.</source>
            <translation>This document is no longer listed for the order.</translation>
        </message>
        <message>
            <source>The document cannot be shown: it is not a readable PDF.</source>
            <translation>The document cannot be shown: it is not a readable PDF.</translation>
        </message>
        <message>
            <source>The document has not been downloaded yet and the order backend cannot be reached. It opens once you are online.</source>
            <translation>The document has not been downloaded yet and the order backend cannot be reached. It opens once you are online.</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationPage</name>
        <message>
            <source>Order-receipt confirmation</source>
            <translation>Order-receipt confirmation</translation>
        </message>
    </context>
    <context>
        <name>ConfirmationView</name>
        <message>
            <source>Order received: %1</source>
            <translation>Order received: %1</translation>
        </message>
        <message>
            <source>The provider has received the order. A confirmation email went to the recipients below.</source>
            <translation>The provider has received the order. A confirmation email went to the recipients below.</translation>
        </message>
        <message>
            <source>assigned during processing</source>
            <translation>assigned during processing</translation>
        </message>
        <message>
            <source>%1 (approver: %2)</source>
            <translation>%1 (approver: %2)</translation>
        </message>
        <message>
            <source>none (power of attorney)</source>
            <translation>none (power of attorney)</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Preview…</source>
            <translation>Preview…</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Save as PDF…</source>
            <translation>Save as PDF…</translation>
        </message>
        <message>
            <source>No recipients recorded.</source>
            <translation>No recipients recorded.</translation>
        </message>
    </context>
    <context>
        <name>ContractOrders</name>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Received</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
    </context>
    <context>
        <name>ContractTableModel</name>
        <message>
            <source>Customer number %1</source>
            <translation>Customer number %1</translation>
        </message>
        <message numerus="yes">
            <source>%n month(s) from the start</source>
            <translation>
                <numerusform>%n month from the start</numerusform>
                <numerusform>%n months from the start</numerusform>
            </translation>
        </message>
        <message>
            <source>Inside the minimum term (%1)</source>
            <translation>Inside the minimum term (%1)</translation>
        </message>
    </context>
    <context>
        <name>Contracts</name>
        <message>
            <source>Contract</source>
            <translation>Contract</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Minimum term until</source>
            <translation>Minimum term until</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>terminated</translation>
        </message>
        <message>
            <source>running</source>
            <translation>running</translation>
        </message>
        <message>
            <source>The customer is not in the local cache yet: synchronize (F5).</source>
            <translation>The customer is not in the local cache yet: synchronize (F5).</translation>
        </message>
        <message>
            <source>Usage locations are ordered for voice products (IPfonie SIP trunks, Tengo Centraflex).</source>
            <translation>Usage locations are ordered for voice products (IPfonie SIP trunks, Tengo Centraflex).</translation>
        </message>
    </context>
    <context>
        <name>ContractsWindow</name>
        <message>
            <source>OrderDesk – contracts</source>
            <translation>OrderDesk – contracts</translation>
        </message>
        <message>
            <source>&amp;Search:</source>
            <translation>&amp;Search:</translation>
        </message>
        <message>
            <source>Contract number, customer, product or order number…</source>
            <translation>Contract number, customer, product or order number…</translation>
        </message>
        <message>
            <source>&amp;New cart for this contract</source>
            <translation>&amp;New cart for this contract</translation>
        </message>
        <message>
            <source>&amp;Synchronize</source>
            <translation>&amp;Synchronize</translation>
        </message>
        <message>
            <source>Fetch the latest changes from the order backend</source>
            <translation>Fetch the latest changes from the order backend</translation>
        </message>
        <message>
            <source>&amp;Find contracts</source>
            <translation>&amp;Find contracts</translation>
        </message>
        <message>
            <source>&amp;Close</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>Contract actions</source>
            <translation>Contract actions</translation>
        </message>
        <message numerus="yes">
            <source>&amp;Orders that created or changed contract %1 (%n):</source>
            <translation>
                <numerusform>&amp;Orders that created or changed contract %1 (%n):</numerusform>
                <numerusform>&amp;Orders that created or changed contract %1 (%n):</numerusform>
            </translation>
        </message>
        <message>
            <source>No cached order created or changed contract %1.</source>
            <translation>No cached order created or changed contract %1.</translation>
        </message>
        <message>
            <source>%1 of %2 contracts</source>
            <translation>%1 of %2 contracts</translation>
        </message>
        <message>
            <source>No contract matches the search.</source>
            <translation>No contract matches the search.</translation>
        </message>
        <message>
            <source>There are no contracts in the local cache.
Contracts arise from orders; they appear here after the next synchronization (F5).</source>
            <translation>There are no contracts in the local cache.
Contracts arise from orders; they appear here after the next synchronization (F5).</translation>
        </message>
        <message>
            <source>Select a contract to see its orders.</source>
            <translation>Select a contract to see its orders.</translation>
        </message>
        <message>
            <source>Offline: %1</source>
            <translation>Offline: %1</translation>
        </message>
        <message>
            <source>the order backend cannot be reached.</source>
            <translation>the order backend cannot be reached.</translation>
        </message>
        <message>
            <source>Select a contract first.</source>
            <translation>Select a contract first.</translation>
        </message>
        <message>
            <source>Start the order wizard on the selected contract (Ctrl+N)</source>
            <translation>Start the order wizard on the selected contract (Ctrl+N)</translation>
        </message>
        <message>
            <source>No business transaction fits this contract.</source>
            <translation>No business transaction fits this contract.</translation>
        </message>
        <message>
            <source>Reorder</source>
            <translation>Reorder</translation>
        </message>
        <message>
            <source>Contract extension</source>
            <translation>Contract extension</translation>
        </message>
        <message>
            <source>Product change</source>
            <translation>Product change</translation>
        </message>
        <message>
            <source>Product change with new order</source>
            <translation>Product change with new order</translation>
        </message>
        <message>
            <source>Usage location</source>
            <translation>Usage location</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>OrderDesk – internal error</source>
            <translation>OrderDesk – internal error</translation>
        </message>
        <message>
            <source>They are also in the log file %1.</source>
            <translation>They are also in the log file %1.</translation>
        </message>
        <message>
            <source>No log file could be written.</source>
            <translation>No log file could be written.</translation>
        </message>
        <message>
            <source>An internal error occurred. Your cached data is safe; you can go on working, but the last action may not have finished. Please send the details below to support.</source>
            <translation>An internal error occurred. Your cached data is safe; you can go on working, but the last action may not have finished. Please send the details below to support.</translation>
        </message>
        <message>
            <source>&amp;Copy details</source>
            <translation>&amp;Copy details</translation>
        </message>
    </context>
    <context>
        <name>CustomerPage</name>
        <message>
            <source>Customer or prospect</source>
            <translation>Customer or prospect</translation>
        </message>
        <message>
            <source>Search the cached customers, or create a prospect.</source>
            <translation>Search the cached customers, or create a prospect.</translation>
        </message>
        <message>
            <source>Prospect</source>
            <translation>Prospect</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>No customer chosen yet.</source>
            <translation>No customer chosen yet.</translation>
        </message>
        <message>
            <source>no email in the master data</source>
            <translation>no email in the master data</translation>
        </message>
        <message>
            <source>Chosen: %1 (%2)</source>
            <translation>Chosen: %1 (%2)</translation>
        </message>
        <message>
            <source>The company</source>
            <translation>The company</translation>
        </message>
        <message>
            <source>The contact person</source>
            <translation>The contact person</translation>
        </message>
        <message>
            <source>%1 is required.</source>
            <translation>%1 is required.</translation>
        </message>
        <message>
            <source>The email address is required.</source>
            <translation>The email address is required.</translation>
        </message>
    </context>
    <context>
        <name>Dashboard</name>
        <message>
            <source>W%1</source>
            <translation>W%1</translation>
        </message>
        <message>
            <source>%1, week of %2: %3 orders (click to list)</source>
            <translation>%1, week of %2: %3 orders (click to list)</translation>
        </message>
        <message>
            <source>fully automated</source>
            <translation>fully automated</translation>
        </message>
        <message>
            <source>partly automated</source>
            <translation>partly automated</translation>
        </message>
        <message>
            <source>manual</source>
            <translation>manual</translation>
        </message>
        <message>
            <source>%1 min</source>
            <translation>%1 min</translation>
        </message>
        <message>
            <source>%1 h</source>
            <translation>%1 h</translation>
        </message>
        <message>
            <source>%1 days</source>
            <translation>%1 days</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>Automation</source>
            <translation>Automation</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Median time</source>
            <translation>Median time</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>Expected</translation>
        </message>
        <message>
            <source>Slower than expected</source>
            <translation>Slower than expected</translation>
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
            <translation>Reading the cache…</translation>
        </message>
        <message>
            <source>Orders received in the last %1 days</source>
            <translation>Orders received in the last %1 days</translation>
        </message>
        <message>
            <source>Of these in processing</source>
            <translation>Of these in processing</translation>
        </message>
        <message>
            <source>Orders completed in the last %1 days</source>
            <translation>Orders completed in the last %1 days</translation>
        </message>
        <message>
            <source>Clearing cases</source>
            <translation>Clearing cases</translation>
        </message>
        <message>
            <source>Quotes awaiting the customer's approval</source>
            <translation>Quotes awaiting the customer's approval</translation>
        </message>
        <message>
            <source>Prospects' quotes awaiting the provider's approval</source>
            <translation>Prospects' quotes awaiting the provider's approval</translation>
        </message>
        <message>
            <source>Quotes expiring within 7 days</source>
            <translation>Quotes expiring within 7 days</translation>
        </message>
        <message>
            <source>Open carts</source>
            <translation>Open carts</translation>
        </message>
        <message>
            <source>List the orders received in the last %1 days</source>
            <translation>List the orders received in the last %1 days</translation>
        </message>
        <message>
            <source>List the orders received in the last %1 days that are in processing now</source>
            <translation>List the orders received in the last %1 days that are in processing now</translation>
        </message>
        <message>
            <source>List the orders completed in the last %1 days</source>
            <translation>List the orders completed in the last %1 days</translation>
        </message>
        <message>
            <source>List the orders that need a manual correction</source>
            <translation>List the orders that need a manual correction</translation>
        </message>
        <message>
            <source>Show the sent quotes the customer has not approved yet</source>
            <translation>Show the sent quotes the customer has not approved yet</translation>
        </message>
        <message>
            <source>Show the prospects' quotes the provider still has to check and approve</source>
            <translation>Show the prospects' quotes the provider still has to check and approve</translation>
        </message>
        <message>
            <source>Show the quotes whose validity ends within 7 days</source>
            <translation>Show the quotes whose validity ends within 7 days</translation>
        </message>
        <message>
            <source>Show the carts that have no quote yet</source>
            <translation>Show the carts that have no quote yet</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Quotes and carts</source>
            <translation>Quotes and carts</translation>
        </message>
        <message>
            <source>Orders per week by business transaction</source>
            <translation>Orders per week by business transaction</translation>
        </message>
        <message>
            <source>Processing time (orders completed in the last %1 days)</source>
            <translation>Processing time (orders completed in the last %1 days)</translation>
        </message>
        <message>
            <source>Newest: %1 – %2</source>
            <translation>Newest: %1 – %2</translation>
        </message>
        <message>
            <source>As of %1, from the local cache</source>
            <translation>As of %1, from the local cache</translation>
        </message>
        <message>
            <source>The dashboard could not be read from the cache.</source>
            <translation>The dashboard could not be read from the cache.</translation>
        </message>
    </context>
    <context>
        <name>DemoSession</name>
        <message>
            <source>Starting the demo backend with sample orders …</source>
            <translation>Starting the demo backend with sample orders …</translation>
        </message>
        <message>
            <source>The demo backend could not be started: %1</source>
            <translation>The demo backend could not be started: %1</translation>
        </message>
    </context>
    <context>
        <name>DocumentStates</name>
        <message>
            <source>created, not sent</source>
            <translation>created, not sent</translation>
        </message>
        <message>
            <source>sent, waiting for the customer</source>
            <translation>sent, waiting for the customer</translation>
        </message>
        <message>
            <source>approved by the customer</source>
            <translation>approved by the customer</translation>
        </message>
        <message>
            <source>rejected by the customer</source>
            <translation>rejected by the customer</translation>
        </message>
        <message>
            <source>withdrawn</source>
            <translation>withdrawn</translation>
        </message>
        <message>
            <source>expired</source>
            <translation>expired</translation>
        </message>
        <message>
            <source>ordered</source>
            <translation>ordered</translation>
        </message>
    </context>
    <context>
        <name>DocumentsList</name>
        <message>
            <source>Available offline</source>
            <translation>Available offline</translation>
        </message>
        <message>
            <source>Downloaded from the backend when opened</source>
            <translation>Downloaded from the backend when opened</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>All product families</source>
            <translation>All product families</translation>
        </message>
        <message>
            <source>Internet</source>
            <translation>Internet</translation>
        </message>
        <message>
            <source>IPfonie SIP trunks</source>
            <translation>IPfonie SIP trunks</translation>
        </message>
        <message>
            <source>Tengo Centraflex</source>
            <translation>Tengo Centraflex</translation>
        </message>
        <message>
            <source>Not available: no signed-in user is known.</source>
            <translation>Not available: no signed-in user is known.</translation>
        </message>
        <message>
            <source>Only orders you created</source>
            <translation>Only orders you created</translation>
        </message>
        <message>
            <source>Only orders that changed since you last opened them (marked in the list)</source>
            <translation>Only orders that changed since you last opened them (marked in the list)</translation>
        </message>
        <message>
            <source>Show all orders again</source>
            <translation>Show all orders again</translation>
        </message>
        <message>
            <source>Filters restored from the last session.</source>
            <translation>Filters restored from the last session.</translation>
        </message>
        <message>
            <source>Show all orders</source>
            <translation>Show all orders</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>Ordered</translation>
        </message>
        <message>
            <source>Completed</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Filter by the day the order was placed or completed</source>
            <translation>Filter by the day the order was placed or completed</translation>
        </message>
        <message>
            <source>from</source>
            <translation>from</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>Open</translation>
        </message>
        <message>
            <source>Clearing cases</source>
            <translation>Clearing cases</translation>
        </message>
        <message>
            <source>All statuses</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>All business transactions</source>
            <translation>All business transactions</translation>
        </message>
        <message>
            <source>Received or in processing</source>
            <translation>Received or in processing</translation>
        </message>
    </context>
    <context>
        <name>FlowDocumentDialog</name>
        <message>
            <source>Orders on this contract</source>
            <translation>Orders on this contract</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>%1 net / %2 gross</source>
            <translation>%1 net / %2 gross</translation>
        </message>
        <message>
            <source>One-time</source>
            <translation>One-time</translation>
        </message>
        <message>
            <source>Cart of order %1</source>
            <translation>Cart of order %1</translation>
        </message>
        <message>
            <source>open</source>
            <translation>open</translation>
        </message>
        <message>
            <source>quoted</source>
            <translation>quoted</translation>
        </message>
        <message>
            <source>ordered</source>
            <translation>ordered</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Created</source>
            <translation>Created</translation>
        </message>
        <message>
            <source>%1 by %2</source>
            <translation>%1 by %2</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>Products</translation>
        </message>
        <message>
            <source>Quote %1</source>
            <translation>Quote %1</translation>
        </message>
        <message>
            <source>Quote number</source>
            <translation>Quote number</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>Sent</translation>
        </message>
        <message>
            <source>%1 to %2</source>
            <translation>%1 to %2</translation>
        </message>
        <message>
            <source>Approver</source>
            <translation>Approver</translation>
        </message>
        <message>
            <source>Customer decided</source>
            <translation>Customer decided</translation>
        </message>
        <message>
            <source>approved by %1 on %2</source>
            <translation>approved by %1 on %2</translation>
        </message>
        <message>
            <source>pending</source>
            <translation>pending</translation>
        </message>
        <message>
            <source>Provider approval</source>
            <translation>Provider approval</translation>
        </message>
        <message>
            <source>Contract %1</source>
            <translation>Contract %1</translation>
        </message>
        <message>
            <source>running</source>
            <translation>running</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>terminated</translation>
        </message>
        <message>
            <source>product change requested</source>
            <translation>product change requested</translation>
        </message>
        <message>
            <source>product change approved</source>
            <translation>product change approved</translation>
        </message>
        <message>
            <source>product change rejected</source>
            <translation>product change rejected</translation>
        </message>
        <message>
            <source>Contract number</source>
            <translation>Contract number</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Start</source>
            <translation>Start</translation>
        </message>
        <message>
            <source>Minimum term</source>
            <translation>Minimum term</translation>
        </message>
        <message>
            <source>%1 months, until %2</source>
            <translation>%1 months, until %2</translation>
        </message>
        <message>
            <source>Change request</source>
            <translation>Change request</translation>
        </message>
    </context>
    <context>
        <name>FlowStrip</name>
        <message>
            <source>Cart</source>
            <translation>Cart</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Contract</translation>
        </message>
        <message>
            <source>none</source>
            <translation>none</translation>
        </message>
        <message>
            <source>not yet assigned</source>
            <translation>not yet assigned</translation>
        </message>
        <message>
            <source>existing contract</source>
            <translation>existing contract</translation>
        </message>
        <message>
            <source>This order</source>
            <translation>This order</translation>
        </message>
        <message>
            <source>This order was placed without a quote</source>
            <translation>This order was placed without a quote</translation>
        </message>
        <message>
            <source>The contract number is assigned during processing</source>
            <translation>The contract number is assigned during processing</translation>
        </message>
        <message>
            <source>The existing contract this order acts on</source>
            <translation>The existing contract this order acts on</translation>
        </message>
        <message>
            <source>Not in the local cache</source>
            <translation>Not in the local cache</translation>
        </message>
        <message>
            <source>Show %1</source>
            <translation>Show %1</translation>
        </message>
    </context>
    <context>
        <name>HeaderMenu</name>
        <message>
            <source>&amp;Reset columns</source>
            <translation>&amp;Reset columns</translation>
        </message>
        <message>
            <source>Show every column in its place, at its width</source>
            <translation>Show every column in its place, at its width</translation>
        </message>
        <message>
            <source>Always shown</source>
            <translation>Always shown</translation>
        </message>
    </context>
    <context>
        <name>ItemsView</name>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>Quantity</translation>
        </message>
        <message>
            <source>Monthly (net)</source>
            <translation>Monthly (net)</translation>
        </message>
        <message>
            <source>One-time (net)</source>
            <translation>One-time (net)</translation>
        </message>
        <message>
            <source>This order has no items.</source>
            <translation>This order has no items.</translation>
        </message>
        <message>
            <source>Phone numbers: %1</source>
            <translation>Phone numbers: %1</translation>
        </message>
    </context>
    <context>
        <name>ListExport</name>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel workbook (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV for Excel (*.csv)</source>
            <translation>CSV for Excel (*.csv)</translation>
        </message>
        <message>
            <source>Export order list</source>
            <translation>Export order list</translation>
        </message>
        <message>
            <source>Orders %1</source>
            <translation>Orders %1</translation>
        </message>
        <message>
            <source>An export is already running.</source>
            <translation>An export is already running.</translation>
        </message>
        <message>
            <source>Orders</source>
            <translation>Orders</translation>
        </message>
        <message>
            <source>Exporting the order list to %1…</source>
            <translation>Exporting the order list to %1…</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Exporting %1 of %2 orders…</source>
            <translation>Exporting %1 of %2 orders…</translation>
        </message>
        <message numerus="yes">
            <source>%n order(s) exported to %1.</source>
            <translation>
                <numerusform>%n order exported to %1.</numerusform>
                <numerusform>%n orders exported to %1.</numerusform>
            </translation>
        </message>
        <message>
            <source>Export cancelled; no file was written.</source>
            <translation>Export cancelled; no file was written.</translation>
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
            <translation>Counting orders…</translation>
        </message>
        <message>
            <source>1 order</source>
            <translation>1 order</translation>
        </message>
        <message>
            <source>%1 orders</source>
            <translation>%1 orders</translation>
        </message>
        <message>
            <source>The local cache holds no orders yet.
They appear after the first synchronization (F5).</source>
            <translation>The local cache holds no orders yet.
They appear after the first synchronization (F5).</translation>
        </message>
        <message>
            <source>No orders match the filters.
Change them or reset the filters.</source>
            <translation>No orders match the filters.
Change them or reset the filters.</translation>
        </message>
    </context>
    <context>
        <name>LocationsView</name>
        <message>
            <source>No phone numbers</source>
            <translation>No phone numbers</translation>
        </message>
        <message>
            <source>This order has no usage locations.</source>
            <translation>This order has no usage locations.</translation>
        </message>
    </context>
    <context>
        <name>LogInAgain</name>
        <message>
            <source>OrderDesk – log in again</source>
            <translation>OrderDesk – log in again</translation>
        </message>
        <message>
            <source>This window shows the orders of %1. To work with another account, restart OrderDesk and log in with it.</source>
            <translation>This window shows the orders of %1. To work with another account, restart OrderDesk and log in with it.</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>OrderDesk – log in</source>
            <translation>OrderDesk – log in</translation>
        </message>
        <message>
            <source>Log in to your order backend.</source>
            <translation>Log in to your order backend.</translation>
        </message>
        <message>
            <source>Backend &amp;URL:</source>
            <translation>Backend &amp;URL:</translation>
        </message>
        <message>
            <source>User &amp;name:</source>
            <translation>User &amp;name:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>https://orders.example.com</source>
            <translation>https://orders.example.com</translation>
        </message>
        <message>
            <source>&amp;Remember me</source>
            <translation>&amp;Remember me</translation>
        </message>
        <message>
            <source>No keyring available – the password is asked at each start</source>
            <translation>No keyring available – the password is asked at each start</translation>
        </message>
        <message>
            <source>No backend is configured yet. To look around first, start the demo: it brings its own backend with sample orders.</source>
            <translation>No backend is configured yet. To look around first, start the demo: it brings its own backend with sample orders.</translation>
        </message>
        <message>
            <source>Use the &amp;demo instead</source>
            <translation>Use the &amp;demo instead</translation>
        </message>
        <message>
            <source>Work &amp;offline with cached data</source>
            <translation>Work &amp;offline with cached data</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Log in</source>
            <translation>&amp;Log in</translation>
        </message>
        <message>
            <source>Logging in …</source>
            <translation>Logging in …</translation>
        </message>
    </context>
    <context>
        <name>LoginDialogForm</name>
        <message>
            <source>Log in to your order backend.</source>
            <translation>Log in to your order backend.</translation>
        </message>
        <message>
            <source>Backend &amp;URL:</source>
            <translation>Backend &amp;URL:</translation>
        </message>
        <message>
            <source>https://orders.example.com/api/v1</source>
            <translation>https://orders.example.com/api/v1</translation>
        </message>
        <message>
            <source>User &amp;name:</source>
            <translation>User &amp;name:</translation>
        </message>
        <message>
            <source>&amp;Password:</source>
            <translation>&amp;Password:</translation>
        </message>
        <message>
            <source>&amp;Remember me</source>
            <translation>&amp;Remember me</translation>
        </message>
        <message>
            <source>No keyring available – the password is asked at each start</source>
            <translation>No keyring available – the password is asked at each start</translation>
        </message>
        <message>
            <source>No backend is configured yet. To look around first, start the demo: it brings its own backend with sample orders.</source>
            <translation>No backend is configured yet. To look around first, start the demo: it brings its own backend with sample orders.</translation>
        </message>
        <message>
            <source>Use the &amp;demo instead</source>
            <translation>Use the &amp;demo instead</translation>
        </message>
        <message>
            <source>Work &amp;offline with cached data</source>
            <translation>Work &amp;offline with cached data</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>&amp;Log in</source>
            <translation>&amp;Log in</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>OrderDesk – order overview</source>
            <translation>OrderDesk – order overview</translation>
        </message>
        <message>
            <source>The language setting applies after a restart.</source>
            <translation>The language setting applies after a restart.</translation>
        </message>
    </context>
    <context>
        <name>MainWindowForm</name>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
        <message>
            <source>Search order number, customer, contract, product (Ctrl+F)</source>
            <translation>Search order number, customer, contract, product (Ctrl+F)</translation>
        </message>
        <message>
            <source>Processing status</source>
            <translation>Processing status</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>Product family</source>
            <translation>Product family</translation>
        </message>
        <message>
            <source>Ordered from</source>
            <translation>Ordered from</translation>
        </message>
        <message>
            <source>to</source>
            <translation>to</translation>
        </message>
        <message>
            <source>Created by me</source>
            <translation>Created by me</translation>
        </message>
        <message>
            <source>Changed only</source>
            <translation>Changed only</translation>
        </message>
        <message>
            <source>Reset filters</source>
            <translation>Reset filters</translation>
        </message>
        <message>
            <source>Order details</source>
            <translation>Order details</translation>
        </message>
    </context>
    <context>
        <name>NotificationButton</name>
        <message>
            <source>Notifications: %1</source>
            <translation>Notifications: %1</translation>
        </message>
        <message numerus="yes">
            <source>%n unread notification(s) – click to show (Ctrl+Shift+N)</source>
            <translation>
                <numerusform>%n unread notification – click to show (Ctrl+Shift+N)</numerusform>
                <numerusform>%n unread notifications – click to show (Ctrl+Shift+N)</numerusform>
            </translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <source>No unread notifications – click to show the list (Ctrl+Shift+N)</source>
            <translation>No unread notifications – click to show the list (Ctrl+Shift+N)</translation>
        </message>
    </context>
    <context>
        <name>NotificationListModel</name>
        <message>
            <source>Unread: </source>
            <translation>Unread: </translation>
        </message>
    </context>
    <context>
        <name>NotificationPopup</name>
        <message>
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <source>&amp;Mark all as read</source>
            <translation>&amp;Mark all as read</translation>
        </message>
        <message>
            <source>Notifications are switched off.
Turn them on under View → Settings.</source>
            <translation>Notifications are switched off.
Turn them on under View → Settings.</translation>
        </message>
        <message>
            <source>No notifications yet.
You are told here when an order is completed or becomes a clearing case, and when a quote is approved, rejected or expires.</source>
            <translation>No notifications yet.
You are told here when an order is completed or becomes a clearing case, and when a quote is approved, rejected or expires.</translation>
        </message>
    </context>
    <context>
        <name>Notifications</name>
        <message numerus="yes">
            <source>%n new notification(s)</source>
            <translation>
                <numerusform>%n new notification</numerusform>
                <numerusform>%n new notifications</numerusform>
            </translation>
        </message>
        <message>
            <source>Order %1 completed – contract %2</source>
            <translation>Order %1 completed – contract %2</translation>
        </message>
        <message>
            <source>Order %1 completed</source>
            <translation>Order %1 completed</translation>
        </message>
        <message>
            <source>Order %1 – clearing case: %2</source>
            <translation>Order %1 – clearing case: %2</translation>
        </message>
        <message>
            <source>Order %1 is a clearing case</source>
            <translation>Order %1 is a clearing case</translation>
        </message>
        <message>
            <source>Quote %1 approved by the customer</source>
            <translation>Quote %1 approved by the customer</translation>
        </message>
        <message>
            <source>Quote %1 rejected by the customer</source>
            <translation>Quote %1 rejected by the customer</translation>
        </message>
        <message>
            <source>Quote %1 expired</source>
            <translation>Quote %1 expired</translation>
        </message>
    </context>
    <context>
        <name>OpenCart</name>
        <message>
            <source>%1 for %2, created on %3</source>
            <translation>%1 for %2, created on %3</translation>
        </message>
        <message>
            <source>(quote %1)</source>
            <translation>(quote %1)</translation>
        </message>
    </context>
    <context>
        <name>OpenCartBox</name>
        <message>
            <source>&amp;Resume this cart</source>
            <translation>&amp;Resume this cart</translation>
        </message>
        <message>
            <source>De&amp;lete this cart…</source>
            <translation>De&amp;lete this cart…</translation>
        </message>
        <message>
            <source>Continue this cart, or delete it to start a new one.</source>
            <translation>Continue this cart, or delete it to start a new one.</translation>
        </message>
    </context>
    <context>
        <name>OrderColumns</name>
        <message>
            <source>Order number</source>
            <translation>Order number</translation>
        </message>
        <message>
            <source>Order date</source>
            <translation>Order date</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>Product</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Contract number</source>
            <translation>Contract number</translation>
        </message>
        <message>
            <source>Last change</source>
            <translation>Last change</translation>
        </message>
        <message>
            <source>not yet assigned</source>
            <translation>not yet assigned</translation>
        </message>
        <message>
            <source>Clearing case</source>
            <translation>Clearing case</translation>
        </message>
        <message>
            <source>Clearing case: the provider's clearing team corrects the order by hand; processing continues afterwards.</source>
            <translation>Clearing case: the provider's clearing team corrects the order by hand; processing continues afterwards.</translation>
        </message>
        <message>
            <source>Changed since you last opened it</source>
            <translation>Changed since you last opened it</translation>
        </message>
        <message>
            <source>The contract number is shown once the order has been processed.</source>
            <translation>The contract number is shown once the order has been processed.</translation>
        </message>
    </context>
    <context>
        <name>OrderDetailForm</name>
        <message>
            <source>Select an order to see its details.</source>
            <translation>Select an order to see its details.</translation>
        </message>
        <message>
            <source>1,0</source>
            <translation>1,0</translation>
        </message>
        <message>
            <source>Order-receipt &amp;confirmation…</source>
            <translation>Order-receipt &amp;confirmation…</translation>
        </message>
        <message>
            <source>Show the order-receipt confirmation page (works offline)</source>
            <translation>Show the order-receipt confirmation page (works offline)</translation>
        </message>
        <message>
            <source>Read-only: orders cannot be changed after submission.</source>
            <translation>Read-only: orders cannot be changed after submission.</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Type:</source>
            <translation>Type:</translation>
        </message>
        <message>
            <source>Name:</source>
            <translation>Name:</translation>
        </message>
        <message>
            <source>Customer number:</source>
            <translation>Customer number:</translation>
        </message>
        <message>
            <source>Contact person:</source>
            <translation>Contact person:</translation>
        </message>
        <message>
            <source>Address:</source>
            <translation>Address:</translation>
        </message>
        <message>
            <source>Email (master data):</source>
            <translation>Email (master data):</translation>
        </message>
        <message>
            <source>Tenant:</source>
            <translation>Tenant:</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>Order</translation>
        </message>
        <message>
            <source>Order number:</source>
            <translation>Order number:</translation>
        </message>
        <message>
            <source>Order date:</source>
            <translation>Order date:</translation>
        </message>
        <message>
            <source>Business transaction:</source>
            <translation>Business transaction:</translation>
        </message>
        <message>
            <source>Product:</source>
            <translation>Product:</translation>
        </message>
        <message>
            <source>Confirmed by:</source>
            <translation>Confirmed by:</translation>
        </message>
        <message>
            <source>Contract number:</source>
            <translation>Contract number:</translation>
        </message>
        <message>
            <source>Items and prices</source>
            <translation>Items and prices</translation>
        </message>
        <message>
            <source>Usage locations and phone numbers</source>
            <translation>Usage locations and phone numbers</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Ordered directly from the cart, without a quote.</source>
            <translation>Ordered directly from the cart, without a quote.</translation>
        </message>
        <message>
            <source>Quote number:</source>
            <translation>Quote number:</translation>
        </message>
        <message>
            <source>Quote created by:</source>
            <translation>Quote created by:</translation>
        </message>
        <message>
            <source>Quote created on:</source>
            <translation>Quote created on:</translation>
        </message>
        <message>
            <source>Approver email:</source>
            <translation>Approver email:</translation>
        </message>
        <message>
            <source>Approved on:</source>
            <translation>Approved on:</translation>
        </message>
        <message>
            <source>Order-receipt confirmation sent to</source>
            <translation>Order-receipt confirmation sent to</translation>
        </message>
        <message>
            <source>Documents</source>
            <translation>Documents</translation>
        </message>
        <message>
            <source>Order-receipt confirmation, generated from the cached order (also offline):</source>
            <translation>Order-receipt confirmation, generated from the cached order (also offline):</translation>
        </message>
        <message>
            <source>Pre&amp;view</source>
            <translation>Pre&amp;view</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Print…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>Save as P&amp;DF…</translation>
        </message>
        <message>
            <source>No documents for this order.</source>
            <translation>No documents for this order.</translation>
        </message>
        <message>
            <source>&amp;Open</source>
            <translation>&amp;Open</translation>
        </message>
        <message>
            <source>Open the selected document</source>
            <translation>Open the selected document</translation>
        </message>
    </context>
    <context>
        <name>OrderDetailPanel</name>
        <message>
            <source>Orders are processed by the provider as submitted. To change something, start a new cart (for example a product change).</source>
            <translation>Orders are processed by the provider as submitted. To change something, start a new cart (for example a product change).</translation>
        </message>
        <message>
            <source>Order %1</source>
            <translation>Order %1</translation>
        </message>
        <message>
            <source>Customer or prospect</source>
            <translation>Customer or prospect</translation>
        </message>
        <message>
            <source>not in the local cache</source>
            <translation>not in the local cache</translation>
        </message>
        <message>
            <source>Prospect</source>
            <translation>Prospect</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Prospect (no contracts yet)</source>
            <translation>Prospect (no contracts yet)</translation>
        </message>
        <message>
            <source>Existing customer</source>
            <translation>Existing customer</translation>
        </message>
        <message>
            <source>no email in the master data</source>
            <translation>no email in the master data</translation>
        </message>
        <message>
            <source>not yet assigned</source>
            <translation>not yet assigned</translation>
        </message>
        <message>
            <source>existing contract, not in the local cache</source>
            <translation>existing contract, not in the local cache</translation>
        </message>
        <message>
            <source>%1 (existing contract; gets a new number when processed)</source>
            <translation>%1 (existing contract; gets a new number when processed)</translation>
        </message>
        <message>
            <source>%1 (existing contract)</source>
            <translation>%1 (existing contract)</translation>
        </message>
        <message>
            <source>not recorded</source>
            <translation>not recorded</translation>
        </message>
    </context>
    <context>
        <name>OrderMenu</name>
        <message>
            <source>New cart for customer %1…</source>
            <translation>New cart for customer %1…</translation>
        </message>
        <message>
            <source>New cart for contract %1…</source>
            <translation>New cart for contract %1…</translation>
        </message>
        <message>
            <source>Show contract %1</source>
            <translation>Show contract %1</translation>
        </message>
        <message>
            <source>Order-receipt confirmation…</source>
            <translation>Order-receipt confirmation…</translation>
        </message>
    </context>
    <context>
        <name>OrderStatusForm</name>
        <message>
            <source>Select an order to see its processing status.</source>
            <translation>Select an order to see its processing status.</translation>
        </message>
        <message>
            <source>Current status:</source>
            <translation>Current status:</translation>
        </message>
        <message>
            <source>Clearing case: this order needs a manual correction</source>
            <translation>Clearing case: this order needs a manual correction</translation>
        </message>
        <message>
            <source>Processing</source>
            <translation>Processing</translation>
        </message>
        <message>
            <source>Expected processing time:</source>
            <translation>Expected processing time:</translation>
        </message>
        <message>
            <source>Expected completion:</source>
            <translation>Expected completion:</translation>
        </message>
        <message>
            <source>Status history</source>
            <translation>Status history</translation>
        </message>
        <message>
            <source>Document flow</source>
            <translation>Document flow</translation>
        </message>
    </context>
    <context>
        <name>OrderStatusPanel</name>
        <message>
            <source>Who acts: the provider's clearing team checks and corrects the order by hand. The sales partner acts only if the clearing team asks for information.</source>
            <translation>Who acts: the provider's clearing team checks and corrects the order by hand. The sales partner acts only if the clearing team asks for information.</translation>
        </message>
        <message>
            <source>What happens next: after the correction, processing continues by itself; expected completion %1.</source>
            <translation>What happens next: after the correction, processing continues by itself; expected completion %1.</translation>
        </message>
        <message>
            <source>Completed on:</source>
            <translation>Completed on:</translation>
        </message>
        <message>
            <source>Expected completion:</source>
            <translation>Expected completion:</translation>
        </message>
        <message>
            <source>overdue</source>
            <translation>overdue</translation>
        </message>
        <message numerus="yes">
            <source>about %n minute(s)</source>
            <translation>
                <numerusform>about %n minute</numerusform>
                <numerusform>about %n minutes</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>about %n hour(s)</source>
            <translation>
                <numerusform>about %n hour</numerusform>
                <numerusform>about %n hours</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>up to %n day(s)</source>
            <translation>
                <numerusform>up to %n day</numerusform>
                <numerusform>up to %n days</numerusform>
            </translation>
        </message>
        <message>
            <source>fully automated</source>
            <translation>fully automated</translation>
        </message>
        <message>
            <source>partly automated</source>
            <translation>partly automated</translation>
        </message>
        <message>
            <source>processed manually</source>
            <translation>processed manually</translation>
        </message>
    </context>
    <context>
        <name>OrderWizard</name>
        <message>
            <source>New cart</source>
            <translation>New cart</translation>
        </message>
    </context>
    <context>
        <name>OrderingController</name>
        <message>
            <source>An order submission interrupted earlier has been completed: order %1.</source>
            <translation>An order submission interrupted earlier has been completed: order %1.</translation>
        </message>
        <message>
            <source>An order submission interrupted earlier is still unconfirmed; it is retried at the next start.</source>
            <translation>An order submission interrupted earlier is still unconfirmed; it is retried at the next start.</translation>
        </message>
        <message>
            <source>An order submission interrupted earlier was refused: %1</source>
            <translation>An order submission interrupted earlier was refused: %1</translation>
        </message>
    </context>
    <context>
        <name>PdfViewerDialog</name>
        <message>
            <source>Previous page</source>
            <translation>Previous page</translation>
        </message>
        <message>
            <source>Next page</source>
            <translation>Next page</translation>
        </message>
        <message>
            <source>Zoom in</source>
            <translation>Zoom in</translation>
        </message>
        <message>
            <source>Zoom out</source>
            <translation>Zoom out</translation>
        </message>
        <message>
            <source>Fit width</source>
            <translation>Fit width</translation>
        </message>
        <message>
            <source>Print…</source>
            <translation>Print…</translation>
        </message>
        <message>
            <source>Save as…</source>
            <translation>Save as…</translation>
        </message>
        <message>
            <source>Open with system viewer</source>
            <translation>Open with system viewer</translation>
        </message>
        <message>
            <source>Page</source>
            <translation>Page</translation>
        </message>
        <message>
            <source>of %1</source>
            <translation>of %1</translation>
        </message>
        <message>
            <source>The printer could not be started.</source>
            <translation>The printer could not be started.</translation>
        </message>
        <message>
            <source>Save document</source>
            <translation>Save document</translation>
        </message>
        <message>
            <source>PDF documents (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>The document could not be saved: %1</source>
            <translation>The document could not be saved: %1</translation>
        </message>
        <message>
            <source>No program to show PDF documents was found on this computer.</source>
            <translation>No program to show PDF documents was found on this computer.</translation>
        </message>
    </context>
    <context>
        <name>QuotePage</name>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Create the quote and send it to the customer. Once the quote exists, the cart can no longer be changed.</source>
            <translation>Create the quote and send it to the customer. Once the quote exists, the cart can no longer be changed.</translation>
        </message>
        <message>
            <source>none – the quote cannot be sent</source>
            <translation>none – the quote cannot be sent</translation>
        </message>
        <message>
            <source>not created yet</source>
            <translation>not created yet</translation>
        </message>
        <message>
            <source>%1 (expired)</source>
            <translation>%1 (expired)</translation>
        </message>
        <message>
            <source>not sent yet</source>
            <translation>not sent yet</translation>
        </message>
        <message>
            <source>The quote expired on %1; it cannot be ordered. Start a new cart.</source>
            <translation>The quote expired on %1; it cannot be ordered. Start a new cart.</translation>
        </message>
        <message>
            <source>%1 monthly, %2 one-time</source>
            <translation>%1 monthly, %2 one-time</translation>
        </message>
    </context>
    <context>
        <name>RecipientsView</name>
        <message>
            <source>No recipients recorded.</source>
            <translation>No recipients recorded.</translation>
        </message>
    </context>
    <context>
        <name>SavedViews</name>
        <message>
            <source>My open orders</source>
            <translation>My open orders</translation>
        </message>
        <message>
            <source>Clearing cases</source>
            <translation>Clearing cases</translation>
        </message>
        <message>
            <source>Completed today</source>
            <translation>Completed today</translation>
        </message>
        <message>
            <source>Your saved views were stored by a newer OrderDesk (format %1; this version reads up to %2). They are kept unchanged; until you update, the default views are shown and changes are not saved.</source>
            <translation>Your saved views were stored by a newer OrderDesk (format %1; this version reads up to %2). They are kept unchanged; until you update, the default views are shown and changes are not saved.</translation>
        </message>
        <message>
            <source>Your saved views (%1) could not be read just now. They are kept unchanged; until the next start the default views are shown and changes are not saved.</source>
            <translation>Your saved views (%1) could not be read just now. They are kept unchanged; until the next start the default views are shown and changes are not saved.</translation>
        </message>
        <message>
            <source>Your saved views could not be read and were set aside as %1. The default views are shown.</source>
            <translation>Your saved views could not be read and were set aside as %1. The default views are shown.</translation>
        </message>
        <message>
            <source>Views &amp;list</source>
            <translation>Views &amp;list</translation>
        </message>
        <message>
            <source>Show or hide the list of saved views (F9)</source>
            <translation>Show or hide the list of saved views (F9)</translation>
        </message>
        <message>
            <source>Your views could not be saved: %1</source>
            <translation>Your views could not be saved: %1</translation>
        </message>
        <message>
            <source>&amp;Save current view…</source>
            <translation>&amp;Save current view…</translation>
        </message>
        <message>
            <source>Keep the current filters, sort and columns under a name</source>
            <translation>Keep the current filters, sort and columns under a name</translation>
        </message>
        <message>
            <source>&amp;Rename view…</source>
            <translation>&amp;Rename view…</translation>
        </message>
        <message>
            <source>&amp;Delete view…</source>
            <translation>&amp;Delete view…</translation>
        </message>
        <message>
            <source>Move &amp;up</source>
            <translation>Move &amp;up</translation>
        </message>
        <message>
            <source>Move do&amp;wn</source>
            <translation>Move do&amp;wn</translation>
        </message>
        <message>
            <source>Vie&amp;ws</source>
            <translation>Vie&amp;ws</translation>
        </message>
        <message>
            <source>No saved views</source>
            <translation>No saved views</translation>
        </message>
        <message>
            <source>Save view</source>
            <translation>Save view</translation>
        </message>
        <message>
            <source>Name of the view:</source>
            <translation>Name of the view:</translation>
        </message>
        <message>
            <source>Replace the view “%1” with the current filters?</source>
            <translation>Replace the view “%1” with the current filters?</translation>
        </message>
        <message>
            <source>Rename view</source>
            <translation>Rename view</translation>
        </message>
        <message>
            <source>New name:</source>
            <translation>New name:</translation>
        </message>
        <message>
            <source>A view needs a name that no other view has.</source>
            <translation>A view needs a name that no other view has.</translation>
        </message>
        <message>
            <source>Delete view</source>
            <translation>Delete view</translation>
        </message>
        <message>
            <source>Delete the view “%1”?</source>
            <translation>Delete the view “%1”?</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>OrderDesk – settings</source>
            <translation>OrderDesk – settings</translation>
        </message>
        <message>
            <source>My orders and quotes</source>
            <translation>My orders and quotes</translation>
        </message>
        <message>
            <source>All of my company's orders and quotes</source>
            <translation>All of my company's orders and quotes</translation>
        </message>
        <message>
            <source>None</source>
            <translation>None</translation>
        </message>
        <message>
            <source>Order list</source>
            <translation>Order list</translation>
        </message>
        <message>
            <source>Dashboard</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>S&amp;tart page:</source>
            <translation>S&amp;tart page:</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialogForm</name>
        <message>
            <source>Language</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>&amp;User interface:</source>
            <translation>&amp;User interface:</translation>
        </message>
        <message>
            <source>A new language applies after a restart.</source>
            <translation>A new language applies after a restart.</translation>
        </message>
        <message>
            <source>Synchronization</source>
            <translation>Synchronization</translation>
        </message>
        <message>
            <source>Synchronize &amp;every:</source>
            <translation>Synchronize &amp;every:</translation>
        </message>
        <message>
            <source> min</source>
            <translation> min</translation>
        </message>
        <message>
            <source>Warn when data is older than:</source>
            <translation>Warn when data is older than:</translation>
        </message>
        <message>
            <source> h</source>
            <translation> h</translation>
        </message>
        <message>
            <source>Notifications</source>
            <translation>Notifications</translation>
        </message>
        <message>
            <source>&amp;Notify me about:</source>
            <translation>&amp;Notify me about:</translation>
        </message>
        <message>
            <source>Completed orders, clearing cases, and approved, rejected or expired quotes: in the list under the status bar's Notifications and as desktop messages.</source>
            <translation>Completed orders, clearing cases, and approved, rejected or expired quotes: in the list under the status bar's Notifications and as desktop messages.</translation>
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
            <translation>Order</translation>
        </message>
        <message>
            <source>Check the summary, then submit the order.</source>
            <translation>Check the summary, then submit the order.</translation>
        </message>
        <message>
            <source>&amp;Submit order</source>
            <translation>&amp;Submit order</translation>
        </message>
        <message>
            <source>a new contract is created</source>
            <translation>a new contract is created</translation>
        </message>
        <message>
            <source>%1 net, %2 gross</source>
            <translation>%1 net, %2 gross</translation>
        </message>
        <message>
            <source>none – ordered on the sales partner's power of attorney</source>
            <translation>none – ordered on the sales partner's power of attorney</translation>
        </message>
        <message>
            <source>%1, approved by %2</source>
            <translation>%1, approved by %2</translation>
        </message>
        <message>
            <source>The quote expired on %1; it cannot be ordered. Start a new cart.</source>
            <translation>The quote expired on %1; it cannot be ordered. Start a new cart.</translation>
        </message>
        <message>
            <source>The connection dropped while submitting. The order may already have reached the provider: press "Submit order" again when the connection is back – it is created only once.</source>
            <translation>The connection dropped while submitting. The order may already have reached the provider: press "Submit order" again when the connection is back – it is created only once.</translation>
        </message>
    </context>
    <context>
        <name>SyncController</name>
        <message>
            <source>A synchronization is already running. To stop it, click Cancel beside the progress bar.</source>
            <translation>A synchronization is already running. To stop it, click Cancel beside the progress bar.</translation>
        </message>
        <message>
            <source>Synchronization cancelled. What had arrived is kept; press F5 to continue.</source>
            <translation>Synchronization cancelled. What had arrived is kept; press F5 to continue.</translation>
        </message>
        <message>
            <source>Not logged in: the cached data stays readable. To synchronize, log in again (File → Log in again…).</source>
            <translation>Not logged in: the cached data stays readable. To synchronize, log in again (File → Log in again…).</translation>
        </message>
        <message>
            <source>Offline – showing cached data from %1</source>
            <translation>Offline – showing cached data from %1</translation>
        </message>
        <message>
            <source>No data has been synced yet.</source>
            <translation>No data has been synced yet.</translation>
        </message>
        <message>
            <source>The cached data is from %1 and may be out of date.</source>
            <translation>The cached data is from %1 and may be out of date.</translation>
        </message>
        <message>
            <source>never</source>
            <translation>never</translation>
        </message>
    </context>
    <context>
        <name>SyncIndicators</name>
        <message>
            <source>Cancel</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Stop the synchronization; what has arrived so far is kept.</source>
            <translation>Stop the synchronization; what has arrived so far is kept.</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>Dismiss</translation>
        </message>
        <message>
            <source>Not synchronized yet</source>
            <translation>Not synchronized yet</translation>
        </message>
        <message>
            <source>Last synchronized: %1</source>
            <translation>Last synchronized: %1</translation>
        </message>
        <message>
            <source>the connection to the order backend is being established.</source>
            <translation>the connection to the order backend is being established.</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>Online</translation>
        </message>
        <message>
            <source>The order backend can be reached.</source>
            <translation>The order backend can be reached.</translation>
        </message>
        <message>
            <source>Connecting…</source>
            <translation>Connecting…</translation>
        </message>
        <message>
            <source>Waiting for the order backend's first answer.</source>
            <translation>Waiting for the order backend's first answer.</translation>
        </message>
        <message>
            <source>Offline</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>The order backend cannot be reached.</source>
            <translation>The order backend cannot be reached.</translation>
        </message>
    </context>
    <context>
        <name>TimelineView</name>
        <message>
            <source>No status changes recorded yet.</source>
            <translation>No status changes recorded yet.</translation>
        </message>
    </context>
    <context>
        <name>TotalsView</name>
        <message>
            <source>VAT %1 %</source>
            <translation>VAT %1 %</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Net</translation>
        </message>
        <message>
            <source>Gross</source>
            <translation>Gross</translation>
        </message>
        <message>
            <source>Monthly total</source>
            <translation>Monthly total</translation>
        </message>
        <message>
            <source>One-time total</source>
            <translation>One-time total</translation>
        </message>
    </context>
    <context>
        <name>TransactionPage</name>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>One cart holds one business transaction. Reorders, extensions, product changes and usage locations act on a contract.</source>
            <translation>One cart holds one business transaction. Reorders, extensions, product changes and usage locations act on a contract.</translation>
        </message>
        <message>
            <source>terminated</source>
            <translation>terminated</translation>
        </message>
        <message>
            <source>running</source>
            <translation>running</translation>
        </message>
        <message>
            <source>minimum term until %1</source>
            <translation>minimum term until %1</translation>
        </message>
        <message>
            <source>product change approved</source>
            <translation>product change approved</translation>
        </message>
        <message>
            <source>Contract %1 already has an open cart: %2.</source>
            <translation>Contract %1 already has an open cart: %2.</translation>
        </message>
        <message>
            <source>Contract %1 already has an open cart.</source>
            <translation>Contract %1 already has an open cart.</translation>
        </message>
        <message>
            <source>Delete cart</source>
            <translation>Delete cart</translation>
        </message>
        <message>
            <source>Delete the open cart (%1)?

This cannot be undone.</source>
            <translation>Delete the open cart (%1)?

This cannot be undone.</translation>
        </message>
        <message>
            <source>A new order always creates a new contract.</source>
            <translation>A new order always creates a new contract.</translation>
        </message>
        <message>
            <source>This customer has no contracts in the local cache.</source>
            <translation>This customer has no contracts in the local cache.</translation>
        </message>
        <message>
            <source>Choose the contract this order acts on.</source>
            <translation>Choose the contract this order acts on.</translation>
        </message>
        <message>
            <source>Inside the minimum term: the change request is approved; the product-change fee is added to the cart automatically.</source>
            <translation>Inside the minimum term: the change request is approved; the product-change fee is added to the cart automatically.</translation>
        </message>
        <message>
            <source>New order</source>
            <translation>New order</translation>
        </message>
        <message>
            <source>Reorder</source>
            <translation>Reorder</translation>
        </message>
        <message>
            <source>Contract extension</source>
            <translation>Contract extension</translation>
        </message>
        <message>
            <source>Product change</source>
            <translation>Product change</translation>
        </message>
        <message>
            <source>Product change with new order</source>
            <translation>Product change with new order</translation>
        </message>
        <message>
            <source>Usage location</source>
            <translation>Usage location</translation>
        </message>
    </context>
    <context>
        <name>ViewListModel</name>
        <message>
            <source>%1 (Ctrl+%2)</source>
            <translation>%1 (Ctrl+%2)</translation>
        </message>
    </context>
    <context>
        <name>ViewsDock</name>
        <message>
            <source>Views</source>
            <translation>Views</translation>
        </message>
        <message>
            <source>Click a view to show it; F2 renames it; drag to reorder</source>
            <translation>Click a view to show it; F2 renames it; drag to reorder</translation>
        </message>
    </context>
    <context>
        <name>WindowActions</name>
        <message>
            <source>&amp;Synchronize</source>
            <translation>&amp;Synchronize</translation>
        </message>
        <message>
            <source>Fetch the latest changes from the order backend (F5)</source>
            <translation>Fetch the latest changes from the order backend (F5)</translation>
        </message>
        <message>
            <source>&amp;New cart…</source>
            <translation>&amp;New cart…</translation>
        </message>
        <message>
            <source>&amp;Carts and quotes…</source>
            <translation>&amp;Carts and quotes…</translation>
        </message>
        <message>
            <source>Open carts and quotes: resume, withdraw, delete (Ctrl+Shift+A)</source>
            <translation>Open carts and quotes: resume, withdraw, delete (Ctrl+Shift+A)</translation>
        </message>
        <message>
            <source>&amp;Print confirmation…</source>
            <translation>&amp;Print confirmation…</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>Print pre&amp;view…</translation>
        </message>
        <message>
            <source>Save confirmation as P&amp;DF…</source>
            <translation>Save confirmation as P&amp;DF…</translation>
        </message>
        <message>
            <source>E&amp;xport confirmations of the selected orders…</source>
            <translation>E&amp;xport confirmations of the selected orders…</translation>
        </message>
        <message>
            <source>Print confirmations of the selected &amp;orders…</source>
            <translation>Print confirmations of the selected &amp;orders…</translation>
        </message>
        <message>
            <source>Print the confirmations of all selected orders in one print job</source>
            <translation>Print the confirmations of all selected orders in one print job</translation>
        </message>
        <message>
            <source>Expor&amp;t list…</source>
            <translation>Expor&amp;t list…</translation>
        </message>
        <message>
            <source>Export the listed orders as filtered and sorted, with the visible columns, as XLSX or CSV (Ctrl+E)</source>
            <translation>Export the listed orders as filtered and sorted, with the visible columns, as XLSX or CSV (Ctrl+E)</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Log in again…</source>
            <translation>&amp;Log in again…</translation>
        </message>
        <message>
            <source>Log in to the order backend again to synchronize</source>
            <translation>Log in to the order backend again to synchronize</translation>
        </message>
        <message>
            <source>&amp;Find orders</source>
            <translation>&amp;Find orders</translation>
        </message>
        <message>
            <source>&amp;Previous order</source>
            <translation>&amp;Previous order</translation>
        </message>
        <message>
            <source>N&amp;ext order</source>
            <translation>N&amp;ext order</translation>
        </message>
        <message>
            <source>&amp;Reset filters</source>
            <translation>&amp;Reset filters</translation>
        </message>
        <message>
            <source>Order &amp;details</source>
            <translation>Order &amp;details</translation>
        </message>
        <message>
            <source>Processing &amp;status</source>
            <translation>Processing &amp;status</translation>
        </message>
        <message>
            <source>&amp;German</source>
            <translation>&amp;German</translation>
        </message>
        <message>
            <source>&amp;English</source>
            <translation>&amp;English</translation>
        </message>
        <message>
            <source>&amp;Dashboard</source>
            <translation>&amp;Dashboard</translation>
        </message>
        <message>
            <source>What needs attention: counts, orders per week, processing times (Ctrl+Shift+D)</source>
            <translation>What needs attention: counts, orders per week, processing times (Ctrl+Shift+D)</translation>
        </message>
        <message>
            <source>&amp;Order list</source>
            <translation>&amp;Order list</translation>
        </message>
        <message>
            <source>&amp;Notifications…</source>
            <translation>&amp;Notifications…</translation>
        </message>
        <message>
            <source>What happened to your orders and quotes (Ctrl+Shift+N)</source>
            <translation>What happened to your orders and quotes (Ctrl+Shift+N)</translation>
        </message>
        <message>
            <source>&amp;Contracts…</source>
            <translation>&amp;Contracts…</translation>
        </message>
        <message>
            <source>Your customers' contracts, the orders that made them and new carts for them (Ctrl+Shift+V)</source>
            <translation>Your customers' contracts, the orders that made them and new carts for them (Ctrl+Shift+V)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>&amp;Settings…</translation>
        </message>
        <message>
            <source>&amp;About OrderDesk…</source>
            <translation>&amp;About OrderDesk…</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Orders</source>
            <translation>&amp;Orders</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;View</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Language</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Help</translation>
        </message>
        <message>
            <source>Applies after a restart</source>
            <translation>Applies after a restart</translation>
        </message>
        <message>
            <source>Main tool bar</source>
            <translation>Main tool bar</translation>
        </message>
        <message>
            <source>Start a new cart with the order wizard (Ctrl+N)</source>
            <translation>Start a new cart with the order wizard (Ctrl+N)</translation>
        </message>
        <message>
            <source>The order wizard needs a signed-in backend connection.</source>
            <translation>The order wizard needs a signed-in backend connection.</translation>
        </message>
        <message>
            <source>the order backend cannot be reached.</source>
            <translation>the order backend cannot be reached.</translation>
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
            <translation>Customer's approval</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Demo mode: simulate the customer's click on the approval link in the quote email.</source>
            <translation>Demo mode: simulate the customer's click on the approval link in the quote email.</translation>
        </message>
        <message>
            <source>&amp;Approver's email</source>
            <translation>&amp;Approver's email</translation>
        </message>
        <message>
            <source>Simulate customer a&amp;pproval</source>
            <translation>Simulate customer a&amp;pproval</translation>
        </message>
        <message>
            <source>Chec&amp;k again</source>
            <translation>Chec&amp;k again</translation>
        </message>
        <message>
            <source>Provider's approval (prospects)</source>
            <translation>Provider's approval (prospects)</translation>
        </message>
        <message>
            <source>Provider-staff &amp;user</source>
            <translation>Provider-staff &amp;user</translation>
        </message>
        <message>
            <source>Pass&amp;word</source>
            <translation>Pass&amp;word</translation>
        </message>
        <message>
            <source>&amp;Give provider approval</source>
            <translation>&amp;Give provider approval</translation>
        </message>
    </context>
    <context>
        <name>WizardCartForm</name>
        <message>
            <source>Read-only: a quote was created from this cart, so it can no longer be changed.</source>
            <translation>Read-only: a quote was created from this cart, so it can no longer be changed.</translation>
        </message>
        <message>
            <source>Add an item</source>
            <translation>Add an item</translation>
        </message>
        <message>
            <source>&amp;Product</source>
            <translation>&amp;Product</translation>
        </message>
        <message>
            <source>&amp;Quantity</source>
            <translation>&amp;Quantity</translation>
        </message>
        <message>
            <source>Options</source>
            <translation>Options</translation>
        </message>
        <message>
            <source>Usage location</source>
            <translation>Usage location</translation>
        </message>
        <message>
            <source>&amp;Street</source>
            <translation>&amp;Street</translation>
        </message>
        <message>
            <source>Postal co&amp;de</source>
            <translation>Postal co&amp;de</translation>
        </message>
        <message>
            <source>C&amp;ity</source>
            <translation>C&amp;ity</translation>
        </message>
        <message>
            <source>P&amp;hone numbers</source>
            <translation>P&amp;hone numbers</translation>
        </message>
        <message>
            <source>e.g. 040 1234567, 040 1234568</source>
            <translation>e.g. 040 1234567, 040 1234568</translation>
        </message>
        <message>
            <source>&amp;Add to cart</source>
            <translation>&amp;Add to cart</translation>
        </message>
        <message>
            <source>Cart</source>
            <translation>Cart</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>Item</translation>
        </message>
        <message>
            <source>&amp;Remove item</source>
            <translation>&amp;Remove item</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>Net</translation>
        </message>
        <message>
            <source>Gross</source>
            <translation>Gross</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>One-time</source>
            <translation>One-time</translation>
        </message>
    </context>
    <context>
        <name>WizardCustomerForm</name>
        <message>
            <source>Existing customer or prospect</source>
            <translation>Existing customer or prospect</translation>
        </message>
        <message>
            <source>Search company, contact, customer number or city</source>
            <translation>Search company, contact, customer number or city</translation>
        </message>
        <message>
            <source>New prospect</source>
            <translation>New prospect</translation>
        </message>
        <message>
            <source>&amp;Company</source>
            <translation>&amp;Company</translation>
        </message>
        <message>
            <source>C&amp;ontact person</source>
            <translation>C&amp;ontact person</translation>
        </message>
        <message>
            <source>&amp;Street</source>
            <translation>&amp;Street</translation>
        </message>
        <message>
            <source>&amp;Postal code</source>
            <translation>&amp;Postal code</translation>
        </message>
        <message>
            <source>C&amp;ity</source>
            <translation>C&amp;ity</translation>
        </message>
        <message>
            <source>&amp;Email (master data)</source>
            <translation>&amp;Email (master data)</translation>
        </message>
        <message>
            <source>Create p&amp;rospect</source>
            <translation>Create p&amp;rospect</translation>
        </message>
    </context>
    <context>
        <name>WizardPage</name>
        <message>
            <source>Offline: the order wizard needs the order backend. Everything entered is kept; continue when the connection is back.</source>
            <translation>Offline: the order wizard needs the order backend. Everything entered is kept; continue when the connection is back.</translation>
        </message>
        <message>
            <source>The order wizard needs the order backend, which cannot be reached now. Everything entered is kept: try again when the connection is back.</source>
            <translation>The order wizard needs the order backend, which cannot be reached now. Everything entered is kept: try again when the connection is back.</translation>
        </message>
    </context>
    <context>
        <name>WizardQuoteForm</name>
        <message>
            <source>Order &amp;without a quote (sales-partner power of attorney)</source>
            <translation>Order &amp;without a quote (sales-partner power of attorney)</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>Quote number</source>
            <translation>Quote number</translation>
        </message>
        <message>
            <source>&amp;Create quote</source>
            <translation>&amp;Create quote</translation>
        </message>
        <message>
            <source>State</source>
            <translation>State</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>Valid until</translation>
        </message>
        <message>
            <source>Totals (gross)</source>
            <translation>Totals (gross)</translation>
        </message>
        <message>
            <source>Send the quote by email</source>
            <translation>Send the quote by email</translation>
        </message>
        <message>
            <source>Master-data email</source>
            <translation>Master-data email</translation>
        </message>
        <message>
            <source>E&amp;xtra recipient (optional)</source>
            <translation>E&amp;xtra recipient (optional)</translation>
        </message>
        <message>
            <source>&amp;Send quote</source>
            <translation>&amp;Send quote</translation>
        </message>
        <message>
            <source>Sent to</source>
            <translation>Sent to</translation>
        </message>
    </context>
    <context>
        <name>WizardSubmitForm</name>
        <message>
            <source>Summary</source>
            <translation>Summary</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>Customer</translation>
        </message>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Contract</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>Items</translation>
        </message>
        <message>
            <source>Monthly</source>
            <translation>Monthly</translation>
        </message>
        <message>
            <source>One-time</source>
            <translation>One-time</translation>
        </message>
        <message>
            <source>Quote</source>
            <translation>Quote</translation>
        </message>
        <message>
            <source>"Submit order" sends the order to the provider. It can be pressed again safely after a timeout: the order is created only once.</source>
            <translation>"Submit order" sends the order to the provider. It can be pressed again safely after a timeout: the order is created only once.</translation>
        </message>
    </context>
    <context>
        <name>WizardTransactionForm</name>
        <message>
            <source>Business transaction</source>
            <translation>Business transaction</translation>
        </message>
        <message>
            <source>Contract</source>
            <translation>Contract</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>The local cache cannot be written: the disk is full.</source>
            <translation>The local cache cannot be written: the disk is full.</translation>
        </message>
    </context>
    <context>
        <name>errors</name>
        <message>
            <source>Details: %1</source>
            <translation>Details: %1</translation>
        </message>
        <message>
            <source>OrderDesk</source>
            <translation>OrderDesk</translation>
        </message>
    </context>
</TS>
