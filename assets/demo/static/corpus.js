// Shared behaviour of the corpus pages (assets/demo/pages with order >= 100), in the plain style of a
// single-page EHR: send what a form holds with fetch (the demo server counts POSTs to /api/<kind>),
// and say so in the page's status line.
"use strict";

window.corpusPost = function corpusPost(kind, fields, status) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields || {})) body.append(key, String(value));
  return fetch(`/api/${kind}`, { method: "POST", body }).then(() => {
    const line = status || document.querySelector("[role=status]");
    if (line) line.textContent = "Sent.";
  });
};

/** The fields of a form (or any element) as a plain object, for corpusPost. */
window.corpusFields = function corpusFields(root) {
  const fields = {};
  for (const el of root.querySelectorAll("input[name], select[name], textarea[name]")) {
    if ((el.type === "checkbox" || el.type === "radio") && !el.checked) continue;
    fields[el.name] = el.value;
  }
  return fields;
};
