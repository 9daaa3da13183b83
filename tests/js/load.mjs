// Parse a GEXF or GraphML file with the parsers Gephi Lite uses, print the graph as one JSON line.
//
//   node tests/js/load.mjs gexf|graphml lenient|strict FILE
//
// lenient: Gephi Lite's options; strict: the same parsers with both leniencies off.
// graphology-gexf's and graphology-graphml's default (node) entries bring their own DOMParser
// (@xmldom/xmldom); Gephi Lite runs their browser entries on the browser's DOMParser.
// Exit 0 with the JSON on stdout, or 1 with the error message on stderr.
import {readFileSync} from 'node:fs';
import {MultiGraph} from 'graphology';
import {parse as parseGexf} from 'graphology-gexf';
import {parse as parseGraphml} from 'graphology-graphml';

const PARSERS = {gexf: parseGexf, graphml: parseGraphml};
const MODES = {
  lenient: {addMissingNodes: true, allowUndeclaredAttributes: true},
  strict: {addMissingNodes: false, allowUndeclaredAttributes: false}
};

const [format, mode, file] = process.argv.slice(2);
if (!(format in PARSERS) || !(mode in MODES) || !file) {
  process.stderr.write('usage: node load.mjs gexf|graphml lenient|strict FILE\n');
  process.exit(2);
}

let graph;
try {
  graph = PARSERS[format](MultiGraph, readFileSync(file, 'utf8'), MODES[mode]);
} catch (error) {
  process.stderr.write(`${error && error.message ? error.message : error}\n`);
  process.exit(1);
}

const result = {
  order: graph.order,
  size: graph.size,
  type: graph.type,
  nodes: graph.mapNodes((key, attributes) => ({key, attributes})),
  edges: graph.mapEdges((key, attributes, source, target) => ({
    key,
    source,
    target,
    attributes
  }))
};
process.stdout.write(JSON.stringify(result) + '\n');
