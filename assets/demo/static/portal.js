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

for (const button of document.querySelectorAll("[aria-haspopup=menu]")) {
  const list = document.getElementById(button.getAttribute("aria-controls"));
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
