// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import { classifyControl } from "./classify.ts";
import { composerSendControl, findShortcutControl, shortcutField } from "./shortcut.ts";

function keydown(target: Element, init: KeyboardEventInit): KeyboardEvent {
  let seen: KeyboardEvent | undefined;
  const grab = (e: Event) => (seen = e as KeyboardEvent);
  window.addEventListener("keydown", grab, { capture: true, once: true });
  target.dispatchEvent(new KeyboardEvent("keydown", { bubbles: true, composed: true, ...init }));
  return seen!;
}

describe("send shortcuts in a composer", () => {
  it("Ctrl+Enter and Cmd+Enter in a textarea stand for the composer's Send; Enter alone or Alt does not", () => {
    document.body.innerHTML = `<nav><button>Fax chart</button></nav>
      <div class="thread"><div class="composer"><textarea id="t"></textarea><div class="bar"><button>Attach</button><button id="send">Send Direct message</button></div></div></div>`;
    const field = document.getElementById("t")!;
    const send = document.getElementById("send")!;
    expect(findShortcutControl(keydown(field, { key: "Enter", ctrlKey: true }), classifyControl)?.element).toBe(send);
    expect(findShortcutControl(keydown(field, { key: "Enter", metaKey: true }), classifyControl)?.element).toBe(send);
    expect(findShortcutControl(keydown(field, { key: "Enter" }), classifyControl)).toBeNull();
    expect(findShortcutControl(keydown(field, { key: "Enter", ctrlKey: true, altKey: true }), classifyControl)).toBeNull();
    expect(findShortcutControl(keydown(field, { key: "s", ctrlKey: true }), classifyControl)).toBeNull();
  });

  it("works from a contenteditable message body, finding the send the composer holds", () => {
    document.body.innerHTML = `<section aria-label="Secure message"><div id="body" contenteditable="true">Results attached</div>
      <footer><button>Save draft</button><button id="go">Send via Direct</button></footer></section>`;
    const body = document.getElementById("body")!;
    (body as HTMLElement & { isContentEditable: boolean }).isContentEditable !== undefined ||
      Object.defineProperty(body, "isContentEditable", { value: true });
    expect(findShortcutControl(keydown(body, { key: "Enter", ctrlKey: true }), classifyControl)?.element).toBe(
      document.getElementById("go"),
    );
  });

  it("never takes a download beside the composer for its send: with no send control the shortcut holds nothing", () => {
    document.body.innerHTML = `<section aria-label="Conversation"><div class="msg"><div>Orthopedic intake form.pdf</div><button aria-label="Download">&#11123;</button></div>
      <div id="body" contenteditable="true" role="textbox" aria-label="Message"></div></section>`;
    const body = document.getElementById("body")!;
    expect(composerSendControl(body, classifyControl)).toBeNull();
  });

  it("leaves Enter in a form's text field to the browser (implicit submission is caught as a click or submit)", () => {
    document.body.innerHTML = `<form><input id="to" value="Dr. Ruiz"><button>Send referral</button></form>`;
    expect(shortcutField(keydown(document.getElementById("to")!, { key: "Enter", ctrlKey: true }))).toBeNull();
  });

  it("a field whose words say a key sends from it is the send, for that key exactly; a chat's one-line message box sends on Enter", () => {
    document.body.innerHTML = `<section><h3>New Transition of Care</h3><div>To: Priya Nair, MD · priya.nair@direct.lakeviewpedscardio.example</div>
      <div><label for="msg">Message</label> <small>(Ctrl+Enter to send)</small></div><textarea id="msg"></textarea></section>
      <div><h3>Secure Conversations</h3><input id="chat" aria-label="Type a message"><input id="find" aria-label="Search messages"></div>
      <table><tr><td><label for="fax">Fax number</label></td><td><input id="fax" value="(555) 012-7788"> <span>press Enter to send</span></td></tr></table>`;
    const field = (id: string) => document.getElementById(id)!;
    expect(findShortcutControl(keydown(field("msg"), { key: "Enter", ctrlKey: true }), classifyControl)).toEqual({
      element: field("msg"),
      classification: { kind: "share", label: "Send", untold: true },
    });
    expect(findShortcutControl(keydown(field("msg"), { key: "Enter" }), classifyControl)).toBeNull(); // a new line
    expect(findShortcutControl(keydown(field("chat"), { key: "Enter" }), classifyControl)?.element).toBe(field("chat"));
    expect(findShortcutControl(keydown(field("find"), { key: "Enter" }), classifyControl)).toBeNull();
    // The block around it holds a fax number field: a Send there faxes, as it would in a form.
    expect(findShortcutControl(keydown(field("fax"), { key: "Enter" }), classifyControl)?.classification).toEqual({
      kind: "fax",
      label: "Send",
    });
    expect(findShortcutControl(keydown(field("fax"), { key: "Enter", ctrlKey: true }), classifyControl)).toBeNull();
  });

  it("reads a message box's placeholder for the key that sends from it (Spruce's 'Add a cover note — Enter to send')", () => {
    document.body.innerHTML = `<div class="composer"><div>Send as: Fax</div><textarea id="note" rows="2" placeholder="Add a cover note — Enter to send"></textarea>
      <button type="button" aria-label="Send">➤</button></div><div><textarea id="plain" placeholder="Add a cover note"></textarea><button>Send</button></div>`;
    const field = (id: string) => document.getElementById(id)!;
    expect(findShortcutControl(keydown(field("note"), { key: "Enter" }), classifyControl)?.element).toBe(field("note"));
    expect(findShortcutControl(keydown(field("plain"), { key: "Enter" }), classifyControl)).toBeNull(); // a new line
  });

  it("reads the Enter-sends hint in French and German ('Entrée pour envoyer', Doctolib's Messagerie)", () => {
    document.body.innerHTML = `<section aria-label="Messagerie"><textarea id="fr" aria-label="Écrire un message (Entrée pour envoyer)"></textarea></section>
      <section><textarea id="de" placeholder="Nachricht schreiben – Eingabetaste zum Senden"></textarea></section>`;
    const field = (id: string) => document.getElementById(id)!;
    expect(findShortcutControl(keydown(field("fr"), { key: "Enter" }), classifyControl)?.element).toBe(field("fr"));
    expect(findShortcutControl(keydown(field("de"), { key: "Enter" }), classifyControl)?.element).toBe(field("de"));
  });

  it("takes Enter in a chat's rich-text composer with a Send beside it for that Send (TigerConnect), not in a letter's editor", () => {
    document.body.innerHTML = `<section aria-label="Conversation"><div class="composer"><div><span>📎 ECG_12lead.pdf</span>
      <div contenteditable="true" role="textbox" aria-multiline="true" aria-label="Type a message" id="chat"></div></div>
      <button type="button" id="send" aria-label="Send">➤</button></div></section>
      <section><h2>Letter</h2><div contenteditable="true" aria-label="Letter text" id="letter"></div><button>Send letter</button></section>
      <section><div contenteditable="true" aria-label="Type a message" id="alone"></div></section>`;
    const field = (id: string) => document.getElementById(id)!;
    expect(findShortcutControl(keydown(field("chat"), { key: "Enter" }), classifyControl)?.element).toBe(field("send"));
    expect(findShortcutControl(keydown(field("letter"), { key: "Enter" }), classifyControl)).toBeNull(); // a new line
    // No Send beside it: nothing says the box sends at all.
    expect(findShortcutControl(keydown(field("alone"), { key: "Enter" }), classifyControl)).toBeNull();
  });

  it("finds a composer's send in a web component's shadow root beside it, and reads the field's description (Kno2)", () => {
    document.body.innerHTML = `<nav aria-label="Kno2"><a href="#release">Release</a></nav><main><div id="view">
      <div class="row"><label for="msg">Message</label><textarea id="msg" aria-describedby="hint"></textarea></div>
      <p id="hint">Ctrl+Enter to send</p><k2-send-bar id="bar"></k2-send-bar></div></main>`;
    const bar = document.getElementById("bar")!.attachShadow({ mode: "open" });
    bar.innerHTML = `<div role="button" tabindex="0" id="send" aria-label="Send Direct message"></div>`;
    const field = document.getElementById("msg")!;
    expect(findShortcutControl(keydown(field, { key: "Enter", ctrlKey: true }), classifyControl)?.element).toBe(bar.getElementById("send"));
    // Without it, the field's description says the key sends from the field itself.
    bar.innerHTML = "";
    expect(findShortcutControl(keydown(field, { key: "Enter", ctrlKey: true }), classifyControl)?.element).toBe(field);
  });

  it("takes a compose frame's body for its composer (RamSoft's compose window, a frame in a frame), never a page's body", () => {
    const composer = (frameElement: Element | null) => {
      const doc = document.implementation.createHTMLDocument("Compose");
      doc.body.innerHTML = `<div role="toolbar" aria-label="Message"><button id="go" title="Send"><svg aria-hidden="true"></svg></button>
        <button title="Save"></button></div><label for="to">To</label><input id="to" value="intake@direct.example.org"><textarea id="t"></textarea>`;
      Object.defineProperty(doc, "defaultView", { value: { frameElement } });
      return doc;
    };
    const framed = composer(document.createElement("iframe"));
    expect(composerSendControl(framed.getElementById("t")!, classifyControl)?.element).toBe(framed.getElementById("go"));
    const page = composer(null);
    expect(composerSendControl(page.getElementById("t")!, classifyControl)).toBeNull();
  });

  it("finds nothing when the composer has no send control, and does not climb to unrelated page controls", () => {
    document.body.innerHTML = `<header><button>Fax chart</button></header><main><div><div><textarea id="note"></textarea><button>Save</button></div></div></main>`;
    expect(composerSendControl(document.getElementById("note")!, classifyControl)).toBeNull();
  });
});
