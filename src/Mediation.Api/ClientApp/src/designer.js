// The workflow designer's canvas: AntV X6 driven from Blazor (Components/Designer/DesignerCanvas.razor).
// The C# side owns the workflow definition; this module only draws the canvas model it is given and reports what the
// user does on the canvas (select, move, drop from the palette, connect, delete, undo/redo keys) back to .NET.
import { Graph, Dnd, MiniMap, Snapline, Selection, Keyboard } from '@antv/x6';
import dagre from '@dagrejs/dagre';

const NODE_WIDTH = 200;
const NODE_HEIGHT = 72;

const KIND_STYLE = {
  mediation: { fill: '#e3f2fd', stroke: '#1565c0' },
  followUp: { fill: '#e8f5e9', stroke: '#2e7d32' },
  terminal: { fill: '#eceff1', stroke: '#546e7a' },
};

const PORT_GROUPS = {
  in: { position: 'top', attrs: { circle: { r: 6, magnet: 'passive', stroke: '#1565c0', strokeWidth: 1, fill: '#fff' } } },
  out: { position: 'bottom', attrs: { circle: { r: 7, magnet: true, stroke: '#1565c0', strokeWidth: 2, fill: '#fff' } } },
};

function nodeAttrs(node, highlighted) {
  const style = KIND_STYLE[node.kind] ?? KIND_STYLE.terminal;
  const hasErrors = node.errorCount > 0;
  const hasWarnings = !hasErrors && node.warningCount > 0;
  let stroke = style.stroke;
  if (hasErrors) stroke = '#c62828';
  else if (highlighted) stroke = '#ef6c00';
  else if (hasWarnings) stroke = '#f9a825';
  const badge = hasErrors ? `⚠ ${node.errorCount}  ` : '';
  return {
    body: {
      fill: highlighted ? '#fff3e0' : style.fill,
      stroke,
      strokeWidth: hasErrors || highlighted ? 3 : 1.5,
      rx: node.kind === 'terminal' ? 28 : 6,
      ry: node.kind === 'terminal' ? 28 : 6,
    },
    label: {
      text: `${badge}${node.label}\n${node.detail ?? ''}`,
      fontSize: 12,
      fill: hasErrors ? '#b71c1c' : '#263238',
      textWrap: { width: NODE_WIDTH - 16, height: NODE_HEIGHT - 8, ellipsis: true },
    },
  };
}

function nodeConfig(node, highlighted) {
  const ports = node.kind === 'terminal'
    ? [{ id: 'in', group: 'in' }]
    : [{ id: 'in', group: 'in' }, { id: 'out', group: 'out' }];
  return {
    id: node.id,
    shape: 'rect',
    x: node.x,
    y: node.y,
    width: NODE_WIDTH,
    height: NODE_HEIGHT,
    attrs: nodeAttrs(node, highlighted),
    ports: { groups: PORT_GROUPS, items: ports },
    data: { stepId: node.id, kind: node.kind },
  };
}

/** Transitions between the same two steps are drawn as one edge with one label line per transition. */
function groupEdges(edges) {
  const groups = new Map();
  for (const edge of edges) {
    if (!edge.target) continue; // reassignments stay inside their node (shown in its detail line)
    const id = `${edge.source}->${edge.target}`;
    if (!groups.has(id)) groups.set(id, { id, source: edge.source, target: edge.target, lines: [], errors: 0 });
    const group = groups.get(id);
    group.lines.push(edge.label);
    group.errors += edge.errorCount;
  }
  return [...groups.values()];
}

function edgeConfig(group, highlighted) {
  const color = group.errors > 0 ? '#c62828' : highlighted ? '#ef6c00' : '#78909c';
  return {
    id: group.id,
    shape: 'edge',
    source: { cell: group.source, port: 'out' },
    target: { cell: group.target, port: 'in' },
    connector: { name: 'rounded' },
    attrs: { line: { stroke: color, strokeWidth: highlighted ? 3 : 1.5, targetMarker: 'classic' } },
    labels: [{
      attrs: {
        label: { text: group.lines.join('\n'), fontSize: 11, fill: group.errors > 0 ? '#b71c1c' : '#37474f' },
        body: { fill: '#ffffff', stroke: '#cfd8dc', rx: 3, ry: 3 },
      },
    }],
    data: { source: group.source, target: group.target },
  };
}

class Designer {
  constructor(container, minimap, palette, dotnet) {
    this.dotnet = dotnet;
    this.model = { nodes: [], edges: [] };
    this.highlightSteps = new Set();
    this.highlightEdges = new Set();
    this.rendering = false;

    this.graph = new Graph({
      container,
      autoResize: true,
      background: { color: '#fafafa' },
      grid: { visible: true, size: 10 },
      panning: { enabled: true, eventTypes: ['leftMouseDown'] },
      mousewheel: { enabled: true, modifiers: ['ctrl', 'meta'], minScale: 0.3, maxScale: 2 },
      connecting: {
        router: { name: 'normal' },
        connector: { name: 'rounded' },
        allowBlank: false,
        allowLoop: false,
        allowNode: true,
        allowEdge: false,
        allowMulti: true,
        highlight: true,
        snap: { radius: 30 },
        createEdge: () => this.graph.createEdge({ attrs: { line: { stroke: '#1565c0', strokeDasharray: 4, targetMarker: 'classic' } } }),
        validateConnection: ({ sourceCell, targetCell }) => !!sourceCell && !!targetCell && sourceCell !== targetCell && targetCell.isNode(),
      },
    });

    this.graph.use(new Snapline({ enabled: true }));
    this.graph.use(new Selection({ enabled: true, multiple: false, rubberband: false, showNodeSelectionBox: true }));
    this.graph.use(new Keyboard({ enabled: true, global: false }));
    if (minimap) {
      this.graph.use(new MiniMap({ container: minimap, width: 160, height: 110, padding: 8 }));
    }

    this.dnd = new Dnd({
      target: this.graph,
      scaled: false,
      getDropNode: (node) => node.clone({ keepId: false }),
    });

    this.onPaletteDown = (e) => {
      const item = e.target.closest('[data-palette-kind]');
      if (!item || e.button !== 0) return;
      e.preventDefault();
      const kind = item.getAttribute('data-palette-kind');
      const label = item.getAttribute('data-palette-label') ?? kind;
      const node = this.graph.createNode(nodeConfig({ id: `palette-${kind}-${Date.now()}`, kind, label, detail: '', x: 0, y: 0, errorCount: 0 }, false));
      node.setData({ fromPalette: kind });
      this.dnd.start(node, e);
    };
    this.palette = palette;
    palette?.addEventListener('mousedown', this.onPaletteDown);

    this.graph.on('node:added', ({ node }) => {
      const kind = node.getData()?.fromPalette;
      if (!kind || this.rendering) return;
      const { x, y } = node.getPosition();
      node.remove();
      this.dotnet.invokeMethodAsync('AddStep', kind, Math.round(x), Math.round(y));
    });
    this.graph.on('edge:connected', ({ isNew, edge }) => {
      if (!isNew) return;
      const source = edge.getSourceCellId();
      const target = edge.getTargetCellId();
      edge.remove();
      if (source && target && source !== target) {
        this.dotnet.invokeMethodAsync('Connect', source, target);
      }
    });
    this.graph.on('node:moved', ({ node }) => {
      const { x, y } = node.getPosition();
      this.dotnet.invokeMethodAsync('NodeMoved', node.id, Math.round(x), Math.round(y));
    });
    this.graph.on('node:click', ({ node }) => this.dotnet.invokeMethodAsync('SelectStep', node.id));
    this.graph.on('edge:click', ({ edge }) => {
      const data = edge.getData() ?? {};
      if (data.source) this.dotnet.invokeMethodAsync('SelectEdge', data.source, data.target);
    });
    this.graph.on('blank:click', () => this.dotnet.invokeMethodAsync('SelectNothing'));

    this.graph.bindKey(['delete', 'backspace'], () => {
      this.dotnet.invokeMethodAsync('DeleteSelection');
      return false;
    });
    this.graph.bindKey(['ctrl+z', 'meta+z'], () => {
      this.dotnet.invokeMethodAsync('Undo');
      return false;
    });
    this.graph.bindKey(['ctrl+shift+z', 'meta+shift+z', 'ctrl+y'], () => {
      this.dotnet.invokeMethodAsync('Redo');
      return false;
    });
  }

  /** Draws the model, updating cells in place so that zoom, pan and selection survive. */
  render(model) {
    this.model = model;
    this.rendering = true;
    try {
      this.graph.batchUpdate(() => {
        const nodeIds = new Set(model.nodes.map((n) => n.id));
        for (const cell of this.graph.getNodes()) {
          if (!nodeIds.has(cell.id)) cell.remove();
        }
        for (const node of model.nodes) {
          const highlighted = this.highlightSteps.has(node.id);
          const existing = this.graph.getCellById(node.id);
          if (existing && existing.isNode() && existing.getData()?.kind === node.kind) {
            const p = existing.getPosition();
            if (p.x !== node.x || p.y !== node.y) existing.setPosition(node.x, node.y);
            existing.setAttrs(nodeAttrs(node, highlighted));
          } else {
            existing?.remove();
            this.graph.addNode(nodeConfig(node, highlighted));
          }
        }
        const groups = groupEdges(model.edges);
        const edgeIds = new Set(groups.map((g) => g.id));
        for (const cell of this.graph.getEdges()) {
          if (!edgeIds.has(cell.id)) cell.remove();
        }
        for (const group of groups) {
          this.graph.getCellById(group.id)?.remove();
          this.graph.addEdge(edgeConfig(group, this.highlightEdges.has(group.id)));
        }
      });
    } finally {
      this.rendering = false;
    }
    if (model.selectedStep) {
      const cell = this.graph.getCellById(model.selectedStep);
      if (cell) this.graph.resetSelection(cell);
    } else {
      this.graph.cleanSelection();
    }
  }

  /** Marks the steps of a simulated path and the edges between consecutive steps; an empty path clears it. */
  highlight(path) {
    this.highlightSteps = new Set(path ?? []);
    this.highlightEdges = new Set();
    for (let i = 1; i < (path ?? []).length; i++) this.highlightEdges.add(`${path[i - 1]}->${path[i]}`);
    this.render(this.model);
  }

  /** Automatic layout (dagre, top to bottom); returns the new positions for the C# side to keep. */
  autoLayout() {
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 60, ranksep: 80, marginx: 20, marginy: 20 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const node of this.model.nodes) g.setNode(node.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
    for (const group of groupEdges(this.model.edges)) g.setEdge(group.source, group.target);
    dagre.layout(g);
    return this.model.nodes.map((node) => {
      const placed = g.node(node.id);
      return { id: node.id, x: Math.round(placed.x - NODE_WIDTH / 2), y: Math.round(placed.y - NODE_HEIGHT / 2) };
    });
  }

  zoomToFit() {
    this.graph.zoomToFit({ padding: 20, maxScale: 1 });
  }

  /** Draws the model, then fits it into view (after the automatic layout moved every node). */
  renderAndFit(model) {
    this.render(model);
    this.zoomToFit();
  }

  zoom(factor) {
    this.graph.zoom(factor);
  }

  dispose() {
    this.palette?.removeEventListener('mousedown', this.onPaletteDown);
    this.graph.dispose();
  }
}

export function create(container, minimap, palette, dotnet) {
  return new Designer(container, minimap, palette, dotnet);
}

/** Offers text as a file download (export JSON). */
export function download(fileName, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
