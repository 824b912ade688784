// Validates rendered Kubernetes manifests (the output of `kubectl kustomize`), offline.
//
//   node .ci/k8s/validate.mjs [--rules-dir DIR] NAME=FILE [NAME=FILE...]
//
// Every object must have a schema, or the run fails:
//   - Kubernetes kinds: the JSON Schemas of the npm package kubernetes-models (types, enums,
//     required fields, formats), and TypeScript's excess-property check against the same
//     package's interfaces, which rejects fields that do not exist (a misspelt field name),
//     at any depth, as `kubectl apply --validate=strict` would.
//   - Custom resources (CloudNativePG, the Prometheus Operator): the hand-typed excerpts of
//     their CRDs under schemas/ (CRD_KINDS below), with ajv, every object schema closed to
//     unknown fields.
// Prints one line per object, then the errors; exits 1 if there is any.
// --rules-dir DIR: also writes the spec of every PrometheusRule, a Prometheus rule file, to
// DIR/NAME/<its name>.rules.yaml, for `promtool check rules` and `promtool test rules`.
import { readFileSync, writeFileSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { execFileSync } from "node:child_process";
import { parseAllDocuments, stringify } from "yaml";
import Ajv from "ajv";

const here = dirname(fileURLToPath(import.meta.url));

// apiVersion/kind -> module of kubernetes-models. Kinds outside this list and outside
// CRD_KINDS fail: add them here once their module is known to exist.
const KUBERNETES_KINDS = {
  "v1/Namespace": "v1/Namespace",
  "v1/ConfigMap": "v1/ConfigMap",
  "v1/Secret": "v1/Secret",
  "v1/Service": "v1/Service",
  "v1/ServiceAccount": "v1/ServiceAccount",
  "apps/v1/Deployment": "apps/v1/Deployment",
  "batch/v1/Job": "batch/v1/Job",
  "autoscaling/v2/HorizontalPodAutoscaler": "autoscaling/v2/HorizontalPodAutoscaler",
  "policy/v1/PodDisruptionBudget": "policy/v1/PodDisruptionBudget",
  "networking.k8s.io/v1/NetworkPolicy": "networking.k8s.io/v1/NetworkPolicy",
  "networking.k8s.io/v1/Ingress": "networking.k8s.io/v1/Ingress",
};
// Custom resources: apiVersion/kind -> [schema file under schemas/, its top-level key].
// Each file is an excerpt of the operator's CRDs, typed by hand (read its header), with the
// shared types under "definitions" (referred to as "#/definitions/...").
const CRD_KINDS = {
  "postgresql.cnpg.io/v1/Cluster": ["cloudnative-pg.yaml", "Cluster"],
  "postgresql.cnpg.io/v1/ScheduledBackup": ["cloudnative-pg.yaml", "ScheduledBackup"],
  "barmancloud.cnpg.io/v1/ObjectStore": ["cloudnative-pg.yaml", "ObjectStore"],
  "monitoring.coreos.com/v1/PodMonitor": ["prometheus-operator.yaml", "PodMonitor"],
  "monitoring.coreos.com/v1/PrometheusRule": ["prometheus-operator.yaml", "PrometheusRule"],
};

// Closes every object schema that lists its properties and says nothing of others.
function closeObjects(schema) {
  if (Array.isArray(schema)) { schema.forEach(closeObjects); return schema; }
  if (schema && typeof schema === "object") {
    if (schema.properties && schema.additionalProperties === undefined) {
      schema.additionalProperties = false;
    }
    Object.values(schema).forEach(closeObjects);
  }
  return schema;
}

// One ajv schema per file (its $id the file's name) holds its definitions; each kind's schema
// refers to them through that $id.
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat("date-time", true);
const schemaFiles = {};
const crdValidators = {};
for (const [key, [file, top]] of Object.entries(CRD_KINDS)) {
  if (!schemaFiles[file]) {
    schemaFiles[file] = closeObjects(
      parseAllDocuments(readFileSync(join(here, "schemas", file), "utf8"))[0].toJS());
    ajv.addSchema({ $id: file, definitions: schemaFiles[file].definitions ?? {} });
  }
  if (!schemaFiles[file][top]) throw new Error(`schemas/${file} has no ${top} (CRD_KINDS ${key})`);
  const schema = JSON.parse(JSON.stringify(schemaFiles[file][top])
    .replaceAll('"#/definitions/', `"${file}#/definitions/`));
  crdValidators[key] = ajv.compile(schema);
}

let rulesDir = null;
const inputs = [];
for (let args = process.argv.slice(2), i = 0; i < args.length; i++) {
  if (args[i] === "--rules-dir") rulesDir = args[++i];
  else inputs.push(args[i]);
}

const objects = [];
const errors = [];
for (const arg of inputs) {
  const [name, file] = arg.includes("=") ? arg.split(/=(.*)/s) : [arg, arg];
  const docs = parseAllDocuments(readFileSync(file, "utf8"), { uniqueKeys: true });
  for (const doc of docs) {
    if (doc.errors.length) {
      errors.push(`${name}: YAML: ${doc.errors.map((e) => e.message).join("; ")}`);
      continue;
    }
    const obj = doc.toJS();
    if (obj === null || obj === undefined) continue;
    const id = `${name}: ${obj.kind ?? "?"} ${obj.metadata?.name ?? "?"}`;
    objects.push({ id, name, obj });
  }
}

const typeChecks = [];
for (const { id, obj } of objects) {
  const key = `${obj.apiVersion}/${obj.kind}`;
  if (KUBERNETES_KINDS[key]) {
    const path = KUBERNETES_KINDS[key];
    const mod = await import(`kubernetes-models/${path}`);
    const Model = mod[obj.kind];
    try {
      new Model(obj).validate();
    } catch (e) {
      errors.push(`${id}: ${e.message}`);
    }
    typeChecks.push({ id, path, iface: `I${obj.kind}`, obj });
  } else if (CRD_KINDS[key]) {
    const validate = crdValidators[key];
    if (!validate(obj)) {
      for (const e of validate.errors) {
        const extra = e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : "";
        const allowed = e.params?.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : "";
        errors.push(`${id}: ${e.instancePath || "/"} ${e.message}${extra}${allowed}`);
      }
    }
  } else {
    errors.push(`${id}: no schema for ${key}: add it to .ci/k8s/validate.mjs`);
  }
}

// Unknown fields in Kubernetes objects: one typed constant per object, checked by tsc.
if (typeChecks.length) {
  const dir = mkdtempSync(join(here, ".typecheck-"));
  try {
    const lines = [];
    const owner = [];
    typeChecks.forEach((t, i) => {
      lines.push(`import type { ${t.iface} as T${i} } from "kubernetes-models/${t.path}";`);
      owner.push(null);
    });
    typeChecks.forEach((t, i) => {
      const body = `export const o${i}: T${i} = ${JSON.stringify(t.obj, null, 2)};`.split("\n");
      body.forEach(() => owner.push(t));
      lines.push(...body);
    });
    writeFileSync(join(dir, "objects.ts"), lines.join("\n") + "\n");
    try {
      execFileSync(join(here, "node_modules/.bin/tsc"), [
        "--noEmit", "--strict", "--skipLibCheck", "--target", "es2022",
        "--module", "nodenext", "--moduleResolution", "nodenext", join(dir, "objects.ts"),
      ], { cwd: here, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    } catch (e) {
      const out = `${e.stdout ?? ""}${e.stderr ?? ""}`;
      const found = [...out.matchAll(/objects\.ts\((\d+),\d+\): error (TS\d+: .*)/g)];
      if (!found.length) errors.push(`tsc failed: ${out || e.message}`);
      for (const [, line, message] of found) {
        const t = owner[Number(line) - 1];
        const text = lines[Number(line) - 1].trim();
        errors.push(`${t ? t.id : "?"}: near \`${text}\`: ${message}`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// Prometheus rule files, for promtool (.ci/k8s-validate).
if (rulesDir) {
  for (const { name, obj } of objects) {
    if (`${obj.apiVersion}/${obj.kind}` !== "monitoring.coreos.com/v1/PrometheusRule") continue;
    mkdirSync(join(rulesDir, name), { recursive: true });
    writeFileSync(join(rulesDir, name, `${obj.metadata?.name}.rules.yaml`),
      `# spec of PrometheusRule ${obj.metadata?.name} (${name})\n` + stringify({ groups: obj.spec?.groups ?? [] }, { lineWidth: 0 }));
  }
}

for (const { id } of objects) {
  console.log(`${errors.some((e) => e.startsWith(id + ":")) ? "FAIL" : "ok  "} ${id}`);
}
if (errors.length) {
  console.error(`\n${errors.length} error(s):`);
  for (const e of errors) console.error(`  ${e}`);
  process.exit(1);
}
console.log(`${objects.length} objects valid.`);
