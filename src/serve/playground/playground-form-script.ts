/**
 * The playground script's form part: the input form built from the route's `input_schema` (one
 * field per property of an object schema, or one field for a string), a raw JSON editor when the
 * schema is permissive or the toggle is on, and the `configurable` panel. Plain browser JavaScript.
 */
export const PLAYGROUND_FORM_SCRIPT = String.raw`
function resolveRef(schema, root) {
  let current = schema;
  for (let hops = 0; isObject(current) && typeof current.$ref === "string" && hops < 20; hops++) {
    const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(current.$ref);
    const definitions = match && isObject(root[match[1]]) ? root[match[1]] : undefined;
    current = definitions ? definitions[decodeURIComponent(match[2]).replace(/~1/g, "/").replace(/~0/g, "~")] : undefined;
  }
  return isObject(current) ? current : {};
}
/** A value as the JSON an editor shows (a string keeps its quotes, so it reads back as itself). */
function jsonText(value) {
  try { const text = JSON.stringify(value, null, 2); return text === undefined ? "" : text; }
  catch (error) { return ""; }
}
function fieldKind(schema) {
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === "string")) return "enum";
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== "null") : [schema.type];
  if (types.length !== 1) return "json";
  if (types[0] === "string") return "string";
  if (types[0] === "integer" || types[0] === "number") return "number";
  if (types[0] === "boolean") return "boolean";
  return "json";
}

const form = {
  fields: [],
  /** "object" (a field per property), "single" (one field is the input) or "raw" (JSON only). */
  shape: "raw",
  raw: false,
  build(rootSchema) {
    const schema = resolveRef(rootSchema, rootSchema);
    const container = $("form");
    container.replaceChildren();
    this.fields = [];
    if (schema.type === "object" && isObject(schema.properties) && Object.keys(schema.properties).length > 0) {
      this.shape = "object";
      const required = Array.isArray(schema.required) ? schema.required : [];
      for (const name of Object.keys(schema.properties)) {
        this.addField(container, name, resolveRef(schema.properties[name], rootSchema), required.includes(name));
      }
    } else if (fieldKind(schema) !== "json") {
      this.shape = "single";
      this.addField(container, "input", schema, true);
    } else {
      this.shape = "raw";
      container.append(el("p", "hint", "The input schema accepts any JSON value: write it below."));
      $("raw").value = jsonText(schema.default !== undefined ? schema.default : {});
    }
    this.setRaw(this.shape === "raw");
    $("raw-toggle").disabled = this.shape === "raw";
  },
  addField(container, name, schema, required) {
    const kind = fieldKind(schema);
    const label = el("label", "field");
    const title = el("span", "name", String(schema.title || name));
    if (required) title.append(el("span", "req", " *"));
    if (typeof schema.description === "string") title.append(el("span", "desc", " " + schema.description));
    let control;
    if (kind === "enum") {
      control = el("select");
      for (const option of schema.enum) control.append(el("option", "", option));
    } else if (kind === "boolean") {
      control = el("input");
      control.type = "checkbox";
    } else if (kind === "number") {
      control = el("input");
      control.type = "number";
      control.step = schema.type === "integer" ? "1" : "any";
    } else {
      control = el("textarea", kind === "json" ? "code" : "");
      control.rows = kind === "json" ? 4 : 2;
      if (kind === "json") control.placeholder = "JSON";
    }
    control.name = name;
    control.dataset.field = name;
    label.append(title, control);
    container.append(label);
    const field = { name, kind, required, control };
    this.fields.push(field);
    if (schema.default !== undefined) this.setField(field, schema.default);
  },
  setField(field, value) {
    if (field.kind === "boolean") field.control.checked = value === true;
    else if (field.kind === "json") field.control.value = value === undefined ? "" : jsonText(value);
    else field.control.value = value === undefined || value === null ? "" : String(value);
  },
  readField(field) {
    const text = field.control.value;
    if (field.kind === "boolean") return field.control.checked;
    if (field.kind === "number") return text === "" ? undefined : Number(text);
    if (field.kind === "json") {
      if (text.trim() === "") return undefined;
      try { return JSON.parse(text); } catch (error) { throw new Error(field.name + ": not valid JSON (" + error.message + ")"); }
    }
    return text === "" && !field.required ? undefined : text;
  },
  readForm() {
    if (this.shape === "single") return this.readField(this.fields[0]);
    const value = {};
    for (const field of this.fields) {
      const item = this.readField(field);
      if (item !== undefined) value[field.name] = item;
    }
    return value;
  },
  fill(value) {
    if (this.shape === "single") { this.setField(this.fields[0], value); return true; }
    if (this.shape !== "object" || !isObject(value)) return false;
    for (const field of this.fields) this.setField(field, value[field.name]);
    return true;
  },
  setRaw(raw) {
    this.raw = raw;
    $("raw-toggle").checked = raw;
    $("raw").hidden = !raw;
    $("form").hidden = raw && this.shape !== "raw";
  },
  toggle(raw) {
    $("form-error").textContent = "";
    if (raw) {
      try { $("raw").value = jsonText(this.readForm()); } catch (error) { $("raw").value = ""; }
      this.setRaw(true);
      return;
    }
    try {
      if (!this.fill(JSON.parse($("raw").value))) throw new Error("the JSON does not fit the form's fields");
      this.setRaw(false);
    } catch (error) {
      $("form-error").textContent = "Cannot go back to the form: " + error.message;
      this.setRaw(true);
    }
  },
  input() {
    if (!this.raw) return this.readForm();
    try { return JSON.parse($("raw").value); } catch (error) { throw new Error("Input: not valid JSON (" + error.message + ")"); }
  },
  load(input) {
    if (this.raw || !this.fill(input)) { $("raw").value = jsonText(input); if (this.shape !== "raw") this.setRaw(true); }
  },
};

const config = {
  allowed: true,
  setSchema(schema) {
    this.allowed = isObject(schema) && isObject(schema.properties) && "configurable" in schema.properties;
    $("config").disabled = !this.allowed;
    $("config-note").textContent = this.allowed ? "" : "This server accepts no configurable from clients.";
  },
  read() {
    if (!this.allowed) return undefined;
    const text = $("config").value.trim();
    if (text === "" || text === "{}") return undefined;
    let value;
    try { value = JSON.parse(text); } catch (error) { throw new Error("Config: not valid JSON (" + error.message + ")"); }
    if (!isObject(value)) throw new Error("Config: configurable must be a JSON object");
    return value;
  },
  load(value) {
    $("config").value = isObject(value) ? jsonText(value) : "{}";
    if (isObject(value) && Object.keys(value).length > 0) $("config-panel").open = true;
  },
};
`;
