// Demo portal behaviour, in the plain style of a web EHR: menus that render their items only when
// opened, drafts saved in place. Pages opt in with data-* attributes.
"use strict";

function openMenu(button, list) {
  list.replaceChildren();
  for (const spec of list.dataset.menuItems.split(";")) {
    const [value, label] = spec.split("|");
    const item = document.createElement("button");
    item.type = "button";
    item.setAttribute("role", "menuitem");
    item.textContent = label;
    item.addEventListener("click", () => menuAction(value));
    list.append(item);
  }
  list.hidden = false;
  button.setAttribute("aria-expanded", "true");
  list.querySelector("[role=menuitem]")?.focus();
}

function closeMenu(button, list) {
  list.hidden = true;
  list.replaceChildren();
  button.setAttribute("aria-expanded", "false");
}

function menuAction(value) {
  const form = document.getElementById("export-form");
  if (value === "print") return window.print();
  form.elements.format.value = value === "fax" ? "fax" : "ccda";
  form.requestSubmit();
}

// Only the portal's own menus (a button naming its list): a page's other menu buttons run their own scripts.
for (const button of document.querySelectorAll("[aria-haspopup=menu][aria-controls]")) {
  const list = document.getElementById(button.getAttribute("aria-controls"));
  if (!list) continue;
  button.addEventListener("click", () => (list.hidden ? openMenu(button, list) : closeMenu(button, list)));
  document.addEventListener("keydown", (event) => event.key === "Escape" && closeMenu(button, list));
}

for (const button of document.querySelectorAll("[data-demo=save-draft]")) {
  button.addEventListener("click", () => {
    const status = button.closest("form")?.querySelector(".status");
    if (status) status.textContent = "Draft saved.";
  });
}

for (const button of document.querySelectorAll("[data-demo=refresh]")) {
  button.addEventListener("click", () => location.reload());
}

for (const button of document.querySelectorAll("[data-demo=print]")) {
  button.addEventListener("click", () => window.print());
}

// Icon-only Share opens a modal "Share with" dialog, remembering which document it was for.
for (const button of document.querySelectorAll("[data-demo=open-dialog]")) {
  button.addEventListener("click", () => {
    const dialog = document.getElementById(button.dataset.dialog);
    dialog.querySelector("input[name=document]").value = button.dataset.document;
    dialog.showModal();
  });
}
for (const button of document.querySelectorAll("[data-demo=close-dialog]")) {
  button.addEventListener("click", () => button.closest("dialog").close());
}

// Results arrive late, as in a single-page app; the Send button is inserted with them.
for (const section of document.querySelectorAll("[data-demo=late-results]")) {
  setTimeout(() => {
    section.querySelector("[role=status]").textContent = "2 new results.";
    const form = document.createElement("form");
    form.method = "post";
    form.action = "/api/results";
    form.className = "form";
    form.innerHTML = `
      <ul><li>Lipid panel, 03/20: LDL 96 mg/dL</li><li>Basic metabolic panel, 03/20: within range</li></ul>
      <div class="field"><label for="results-to">Send to</label>
        <input id="results-to" name="to" value="Lakeside Cardiology Associates · NPI 1234567893" /></div>
      <div class="actions"><button type="submit" class="btn btn-primary">Send to provider</button></div>`;
    section.append(form);
  }, 1500);
}

// A design system's dialog (Inera's ids-dialog, Shoelace's sl-dialog): its title in its shadow root, the page's own
// buttons slotted into its footer.
customElements.define(
  "rb-dialog",
  class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      root.innerHTML = `
        <link rel="stylesheet" href="/static/portal.css" />
        <div class="card" role="dialog" aria-labelledby="h"><h2 id="h"></h2><slot></slot><div class="actions"><slot name="actions"></slot></div></div>`;
      root.getElementById("h").textContent = this.getAttribute("headline") ?? "";
    }
  },
);

// A design-system web component with an open shadow root, as some EHR front ends ship.
customElements.define(
  "rb-send-panel",
  class extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: "open" });
      const label = this.getAttribute("recipient-label") ?? "Send to";
      root.innerHTML = `
        <link rel="stylesheet" href="/static/portal.css" />
        <form method="post" class="card form">
          <h2>Send care plan</h2>
          <div class="field"><label for="to"></label><input id="to" name="to" /></div>
          <div class="actions"><button type="submit" class="btn btn-primary">Send care plan</button></div>
        </form>`;
      root.querySelector("label").textContent = label;
      root.querySelector("input").value = this.getAttribute("recipient") ?? "";
      root.querySelector("form").action = this.getAttribute("action") ?? "/api/coordination";
    }
  },
);
