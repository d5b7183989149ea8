// Reads BPMN and DMN files with bpmn-moddle / dmn-moddle and the Camunda extensions, as Camunda Modeler
// does, writes them back, and prints what the written file no longer holds: XML comments, elements,
// attributes and texts that moddle does not know. A model that loses nothing survives a Modeler save
// unchanged in meaning.
//
//   node modeler-roundtrip.mjs <file.bpmn|file.dmn>...   prints {"<file>": ["<loss>", ...], ...} as JSON
//
// Each loss reads "<kind> <where>: <what>", where is the id of the nearest element that has one, followed
// by the path below it; the list of a file is sorted, so a test can compare it with a list kept in git.
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };
import { DmnModdle } from 'dmn-moddle';
import camundaDmn from 'camunda-dmn-moddle/resources/camunda.json' with { type: 'json' };
import { Parser } from 'saxen';

// The prefixes moddle writes; any other namespace keeps the prefix it had.
const PREFIXES = {
  'http://www.omg.org/spec/BPMN/20100524/MODEL': 'bpmn',
  'http://www.omg.org/spec/BPMN/20100524/DI': 'bpmndi',
  'http://www.omg.org/spec/DD/20100524/DC': 'dc',
  'http://www.omg.org/spec/DD/20100524/DI': 'di',
  'http://camunda.org/schema/1.0/bpmn': 'camunda',
  'https://www.omg.org/spec/DMN/20191111/MODEL/': 'dmn',
  'https://www.omg.org/spec/DMN/20191111/DMNDI/': 'dmndi',
  'http://www.omg.org/spec/DMN/20180521/DC/': 'dmndc',
  'http://www.omg.org/spec/DMN/20180521/DI/': 'dmndi11',
  'http://camunda.org/schema/1.0/dmn': 'camunda',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi'
};

// moddle leaves out an attribute whose value is its declared default; these defaults are also the
// engine's, so the model means the same without them.
const DEFAULTS = new Set([ '@camunda:calledElementBinding: latest', '@hitPolicy: UNIQUE' ]);

const bpmn = new BpmnModdle({ camunda });
const dmn = new DmnModdle({ camunda: camundaDmn });

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node modeler-roundtrip.mjs <file.bpmn|file.dmn>...');
  process.exit(2);
}

const report = {};
for (const file of files) {
  const original = await readFile(file, 'utf8');
  const moddle = file.endsWith('.dmn') ? dmn : bpmn;
  const { rootElement } = await moddle.fromXML(original);
  const { xml: written } = await moddle.toXML(rootElement, { format: true });
  report[file] = lost(facts(original), facts(written));
}
console.log(JSON.stringify(report, null, 2));

/** The facts of the first list missing from the second, counting repeats. */
function lost(before, after) {
  const left = new Map();
  for (const fact of after) {
    left.set(fact, (left.get(fact) || 0) + 1);
  }
  const missing = [];
  for (const fact of before) {
    const count = left.get(fact) || 0;
    if (count === 0) {
      missing.push(fact);
    } else {
      left.set(fact, count - 1);
    }
  }
  return missing.sort();
}

/**
 * What a document says, element by element, independent of prefixes, attribute order, element order
 * among siblings and indentation: moddle may reorder and re-indent without losing anything.
 */
function facts(xml) {
  const parser = new Parser();
  parser.ns(PREFIXES);
  const list = [];
  const stack = [];
  const place = () => stack.length ? stack[stack.length - 1].where : '(document)';
  // saxen reports a closing tag for a self-closing element too, and leaves attribute values undecoded.
  parser.on('openTag', (name, attributes, decode) => {
    const attrs = Object.fromEntries(Object.entries(attributes()).map(([key, value]) => [key, decode(value)]));
    const parent = stack[stack.length - 1];
    const step = attrs.id ? `#${attrs.id}`
      : `${parent ? parent.where + ' / ' : ''}${name}${attrs.name ? `[name=${attrs.name}]` : ''}`;
    list.push(`element ${step}`);
    for (const [attribute, value] of Object.entries(attrs)) {
      if (attribute === 'xmlns' || attribute.startsWith('xmlns:') || DEFAULTS.has(`@${attribute}: ${value}`)) {
        continue;
      }
      list.push(`attribute ${step} @${attribute}: ${normalise(attribute, value)}`);
    }
    stack.push({ where: step });
  });
  parser.on('closeTag', () => stack.pop());
  parser.on('text', (text, decode) => {
    const value = collapse(decode(text));
    if (value) {
      list.push(`text ${place()}: ${value}`);
    }
  });
  parser.on('cdata', (text) => {
    const value = collapse(text);
    if (value) {
      list.push(`text ${place()}: ${value}`);
    }
  });
  parser.on('comment', (text) => {
    list.push(`comment ${place()}: ${collapse(text).slice(0, 80)}`);
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.parse(xml);
  return list;
}

function collapse(text) {
  return text.replace(/\s+/g, ' ').trim();
}

// Diagram coordinates written as 100 or 100.0 are the same number.
function normalise(attribute, value) {
  if (/^-?\d+(\.\d+)?$/.test(value)) {
    return String(Number(value));
  }
  return value;
}
