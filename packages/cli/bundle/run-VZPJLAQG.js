import { createRequire as __cr } from 'module';
const require = __cr(import.meta.url);
import { c as Ut, q as Je, r as Ye, s as se } from './chunk-BYUGZHI3.js';
import { a as Rt, b as Y, l as K, u as I } from './chunk-NHIS47A7.js';
import { a as R, b as k, d as ie } from './chunk-VCLZF4OS.js';
var U = k((le) => {
  var z = class extends Error {
      constructor(e, t, r) {
        (super(r),
          Error.captureStackTrace(this, this.constructor),
          (this.name = this.constructor.name),
          (this.code = t),
          (this.exitCode = e),
          (this.nestedError = void 0));
      }
    },
    ae = class extends z {
      constructor(e) {
        (super(1, 'commander.invalidArgument', e),
          Error.captureStackTrace(this, this.constructor),
          (this.name = this.constructor.name));
      }
    };
  le.CommanderError = z;
  le.InvalidArgumentError = ae;
});
var X = k((ue) => {
  var { InvalidArgumentError: Wt } = U(),
    ce = class {
      constructor(e, t) {
        switch (
          ((this.description = t || ''),
          (this.variadic = !1),
          (this.parseArg = void 0),
          (this.defaultValue = void 0),
          (this.defaultValueDescription = void 0),
          (this.argChoices = void 0),
          e[0])
        ) {
          case '<':
            ((this.required = !0), (this._name = e.slice(1, -1)));
            break;
          case '[':
            ((this.required = !1), (this._name = e.slice(1, -1)));
            break;
          default:
            ((this.required = !0), (this._name = e));
            break;
        }
        this._name.endsWith('...') &&
          ((this.variadic = !0), (this._name = this._name.slice(0, -3)));
      }
      name() {
        return this._name;
      }
      _collectValue(e, t) {
        return t === this.defaultValue || !Array.isArray(t) ? [e] : (t.push(e), t);
      }
      default(e, t) {
        return ((this.defaultValue = e), (this.defaultValueDescription = t), this);
      }
      argParser(e) {
        return ((this.parseArg = e), this);
      }
      choices(e) {
        return (
          (this.argChoices = e.slice()),
          (this.parseArg = (t, r) => {
            if (!this.argChoices.includes(t))
              throw new Wt(`Allowed choices are ${this.argChoices.join(', ')}.`);
            return this.variadic ? this._collectValue(t, r) : t;
          }),
          this
        );
      }
      argRequired() {
        return ((this.required = !0), this);
      }
      argOptional() {
        return ((this.required = !1), this);
      }
    };
  function Gt(i) {
    let e = i.name() + (i.variadic === !0 ? '...' : '');
    return i.required ? '<' + e + '>' : '[' + e + ']';
  }
  ue.Argument = ce;
  ue.humanReadableArgName = Gt;
});
var he = k((me) => {
  var { humanReadableArgName: qt } = X(),
    de = class {
      constructor() {
        ((this.helpWidth = void 0),
          (this.minWidthToWrap = 40),
          (this.sortSubcommands = !1),
          (this.sortOptions = !1),
          (this.showGlobalOptions = !1));
      }
      prepareContext(e) {
        this.helpWidth = this.helpWidth ?? e.helpWidth ?? 80;
      }
      visibleCommands(e) {
        let t = e.commands.filter((n) => !n._hidden),
          r = e._getHelpCommand();
        return (
          r && !r._hidden && t.push(r),
          this.sortSubcommands && t.sort((n, o) => n.name().localeCompare(o.name())),
          t
        );
      }
      compareOptions(e, t) {
        let r = (n) => (n.short ? n.short.replace(/^-/, '') : n.long.replace(/^--/, ''));
        return r(e).localeCompare(r(t));
      }
      visibleOptions(e) {
        let t = e.options.filter((n) => !n.hidden),
          r = e._getHelpOption();
        if (r && !r.hidden) {
          let n = r.short && e._findOption(r.short),
            o = r.long && e._findOption(r.long);
          !n && !o
            ? t.push(r)
            : r.long && !o
              ? t.push(e.createOption(r.long, r.description))
              : r.short && !n && t.push(e.createOption(r.short, r.description));
        }
        return (this.sortOptions && t.sort(this.compareOptions), t);
      }
      visibleGlobalOptions(e) {
        if (!this.showGlobalOptions) return [];
        let t = [];
        for (let r = e.parent; r; r = r.parent) {
          let n = r.options.filter((o) => !o.hidden);
          t.push(...n);
        }
        return (this.sortOptions && t.sort(this.compareOptions), t);
      }
      visibleArguments(e) {
        return (
          e._argsDescription &&
            e.registeredArguments.forEach((t) => {
              t.description = t.description || e._argsDescription[t.name()] || '';
            }),
          e.registeredArguments.find((t) => t.description) ? e.registeredArguments : []
        );
      }
      subcommandTerm(e) {
        let t = e.registeredArguments.map((r) => qt(r)).join(' ');
        return (
          e._name +
          (e._aliases[0] ? '|' + e._aliases[0] : '') +
          (e.options.length ? ' [options]' : '') +
          (t ? ' ' + t : '')
        );
      }
      optionTerm(e) {
        return e.flags;
      }
      argumentTerm(e) {
        return e.name();
      }
      longestSubcommandTermLength(e, t) {
        return t
          .visibleCommands(e)
          .reduce(
            (r, n) => Math.max(r, this.displayWidth(t.styleSubcommandTerm(t.subcommandTerm(n)))),
            0,
          );
      }
      longestOptionTermLength(e, t) {
        return t
          .visibleOptions(e)
          .reduce((r, n) => Math.max(r, this.displayWidth(t.styleOptionTerm(t.optionTerm(n)))), 0);
      }
      longestGlobalOptionTermLength(e, t) {
        return t
          .visibleGlobalOptions(e)
          .reduce((r, n) => Math.max(r, this.displayWidth(t.styleOptionTerm(t.optionTerm(n)))), 0);
      }
      longestArgumentTermLength(e, t) {
        return t
          .visibleArguments(e)
          .reduce(
            (r, n) => Math.max(r, this.displayWidth(t.styleArgumentTerm(t.argumentTerm(n)))),
            0,
          );
      }
      commandUsage(e) {
        let t = e._name;
        e._aliases[0] && (t = t + '|' + e._aliases[0]);
        let r = '';
        for (let n = e.parent; n; n = n.parent) r = n.name() + ' ' + r;
        return r + t + ' ' + e.usage();
      }
      commandDescription(e) {
        return e.description();
      }
      subcommandDescription(e) {
        return e.summary() || e.description();
      }
      optionDescription(e) {
        let t = [];
        if (
          (e.argChoices &&
            t.push(`choices: ${e.argChoices.map((r) => JSON.stringify(r)).join(', ')}`),
          e.defaultValue !== void 0 &&
            (e.required || e.optional || (e.isBoolean() && typeof e.defaultValue == 'boolean')) &&
            t.push(`default: ${e.defaultValueDescription || JSON.stringify(e.defaultValue)}`),
          e.presetArg !== void 0 && e.optional && t.push(`preset: ${JSON.stringify(e.presetArg)}`),
          e.envVar !== void 0 && t.push(`env: ${e.envVar}`),
          t.length > 0)
        ) {
          let r = `(${t.join(', ')})`;
          return e.description ? `${e.description} ${r}` : r;
        }
        return e.description;
      }
      argumentDescription(e) {
        let t = [];
        if (
          (e.argChoices &&
            t.push(`choices: ${e.argChoices.map((r) => JSON.stringify(r)).join(', ')}`),
          e.defaultValue !== void 0 &&
            t.push(`default: ${e.defaultValueDescription || JSON.stringify(e.defaultValue)}`),
          t.length > 0)
        ) {
          let r = `(${t.join(', ')})`;
          return e.description ? `${e.description} ${r}` : r;
        }
        return e.description;
      }
      formatItemList(e, t, r) {
        return t.length === 0 ? [] : [r.styleTitle(e), ...t, ''];
      }
      groupItems(e, t, r) {
        let n = new Map();
        return (
          e.forEach((o) => {
            let s = r(o);
            n.has(s) || n.set(s, []);
          }),
          t.forEach((o) => {
            let s = r(o);
            (n.has(s) || n.set(s, []), n.get(s).push(o));
          }),
          n
        );
      }
      formatHelp(e, t) {
        let r = t.padWidth(e, t),
          n = t.helpWidth ?? 80;
        function o(u, m) {
          return t.formatItem(u, r, m, t);
        }
        let s = [`${t.styleTitle('Usage:')} ${t.styleUsage(t.commandUsage(e))}`, ''],
          a = t.commandDescription(e);
        a.length > 0 && (s = s.concat([t.boxWrap(t.styleCommandDescription(a), n), '']));
        let l = t
          .visibleArguments(e)
          .map((u) =>
            o(
              t.styleArgumentTerm(t.argumentTerm(u)),
              t.styleArgumentDescription(t.argumentDescription(u)),
            ),
          );
        if (
          ((s = s.concat(this.formatItemList('Arguments:', l, t))),
          this.groupItems(
            e.options,
            t.visibleOptions(e),
            (u) => u.helpGroupHeading ?? 'Options:',
          ).forEach((u, m) => {
            let h = u.map((g) =>
              o(
                t.styleOptionTerm(t.optionTerm(g)),
                t.styleOptionDescription(t.optionDescription(g)),
              ),
            );
            s = s.concat(this.formatItemList(m, h, t));
          }),
          t.showGlobalOptions)
        ) {
          let u = t
            .visibleGlobalOptions(e)
            .map((m) =>
              o(
                t.styleOptionTerm(t.optionTerm(m)),
                t.styleOptionDescription(t.optionDescription(m)),
              ),
            );
          s = s.concat(this.formatItemList('Global Options:', u, t));
        }
        return (
          this.groupItems(
            e.commands,
            t.visibleCommands(e),
            (u) => u.helpGroup() || 'Commands:',
          ).forEach((u, m) => {
            let h = u.map((g) =>
              o(
                t.styleSubcommandTerm(t.subcommandTerm(g)),
                t.styleSubcommandDescription(t.subcommandDescription(g)),
              ),
            );
            s = s.concat(this.formatItemList(m, h, t));
          }),
          s.join(`
`)
        );
      }
      displayWidth(e) {
        return Ke(e).length;
      }
      styleTitle(e) {
        return e;
      }
      styleUsage(e) {
        return e
          .split(' ')
          .map((t) =>
            t === '[options]'
              ? this.styleOptionText(t)
              : t === '[command]'
                ? this.styleSubcommandText(t)
                : t[0] === '[' || t[0] === '<'
                  ? this.styleArgumentText(t)
                  : this.styleCommandText(t),
          )
          .join(' ');
      }
      styleCommandDescription(e) {
        return this.styleDescriptionText(e);
      }
      styleOptionDescription(e) {
        return this.styleDescriptionText(e);
      }
      styleSubcommandDescription(e) {
        return this.styleDescriptionText(e);
      }
      styleArgumentDescription(e) {
        return this.styleDescriptionText(e);
      }
      styleDescriptionText(e) {
        return e;
      }
      styleOptionTerm(e) {
        return this.styleOptionText(e);
      }
      styleSubcommandTerm(e) {
        return e
          .split(' ')
          .map((t) =>
            t === '[options]'
              ? this.styleOptionText(t)
              : t[0] === '[' || t[0] === '<'
                ? this.styleArgumentText(t)
                : this.styleSubcommandText(t),
          )
          .join(' ');
      }
      styleArgumentTerm(e) {
        return this.styleArgumentText(e);
      }
      styleOptionText(e) {
        return e;
      }
      styleArgumentText(e) {
        return e;
      }
      styleSubcommandText(e) {
        return e;
      }
      styleCommandText(e) {
        return e;
      }
      padWidth(e, t) {
        return Math.max(
          t.longestOptionTermLength(e, t),
          t.longestGlobalOptionTermLength(e, t),
          t.longestSubcommandTermLength(e, t),
          t.longestArgumentTermLength(e, t),
        );
      }
      preformatted(e) {
        return /\n[^\S\r\n]/.test(e);
      }
      formatItem(e, t, r, n) {
        let s = ' '.repeat(2);
        if (!r) return s + e;
        let a = e.padEnd(t + e.length - n.displayWidth(e)),
          l = 2,
          c = (this.helpWidth ?? 80) - t - l - 2,
          u;
        return (
          c < this.minWidthToWrap || n.preformatted(r)
            ? (u = r)
            : (u = n.boxWrap(r, c).replace(
                /\n/g,
                `
` + ' '.repeat(t + l),
              )),
          s +
            a +
            ' '.repeat(l) +
            u.replace(
              /\n/g,
              `
${s}`,
            )
        );
      }
      boxWrap(e, t) {
        if (t < this.minWidthToWrap) return e;
        let r = e.split(/\r\n|\n/),
          n = /[\s]*[^\s]+/g,
          o = [];
        return (
          r.forEach((s) => {
            let a = s.match(n);
            if (a === null) {
              o.push('');
              return;
            }
            let l = [a.shift()],
              d = this.displayWidth(l[0]);
            (a.forEach((c) => {
              let u = this.displayWidth(c);
              if (d + u <= t) {
                (l.push(c), (d += u));
                return;
              }
              o.push(l.join(''));
              let m = c.trimStart();
              ((l = [m]), (d = this.displayWidth(m)));
            }),
              o.push(l.join('')));
          }),
          o.join(`
`)
        );
      }
    };
  function Ke(i) {
    let e = /\x1b\[\d*(;\d*)*m/g;
    return i.replace(e, '');
  }
  me.Help = de;
  me.stripColor = Ke;
});
var we = k((ge) => {
  var { InvalidArgumentError: Bt } = U(),
    pe = class {
      constructor(e, t) {
        ((this.flags = e),
          (this.description = t || ''),
          (this.required = e.includes('<')),
          (this.optional = e.includes('[')),
          (this.variadic = /\w\.\.\.[>\]]$/.test(e)),
          (this.mandatory = !1));
        let r = Jt(e);
        ((this.short = r.shortFlag),
          (this.long = r.longFlag),
          (this.negate = !1),
          this.long && (this.negate = this.long.startsWith('--no-')),
          (this.defaultValue = void 0),
          (this.defaultValueDescription = void 0),
          (this.presetArg = void 0),
          (this.envVar = void 0),
          (this.parseArg = void 0),
          (this.hidden = !1),
          (this.argChoices = void 0),
          (this.conflictsWith = []),
          (this.implied = void 0),
          (this.helpGroupHeading = void 0));
      }
      default(e, t) {
        return ((this.defaultValue = e), (this.defaultValueDescription = t), this);
      }
      preset(e) {
        return ((this.presetArg = e), this);
      }
      conflicts(e) {
        return ((this.conflictsWith = this.conflictsWith.concat(e)), this);
      }
      implies(e) {
        let t = e;
        return (
          typeof e == 'string' && (t = { [e]: !0 }),
          (this.implied = Object.assign(this.implied || {}, t)),
          this
        );
      }
      env(e) {
        return ((this.envVar = e), this);
      }
      argParser(e) {
        return ((this.parseArg = e), this);
      }
      makeOptionMandatory(e = !0) {
        return ((this.mandatory = !!e), this);
      }
      hideHelp(e = !0) {
        return ((this.hidden = !!e), this);
      }
      _collectValue(e, t) {
        return t === this.defaultValue || !Array.isArray(t) ? [e] : (t.push(e), t);
      }
      choices(e) {
        return (
          (this.argChoices = e.slice()),
          (this.parseArg = (t, r) => {
            if (!this.argChoices.includes(t))
              throw new Bt(`Allowed choices are ${this.argChoices.join(', ')}.`);
            return this.variadic ? this._collectValue(t, r) : t;
          }),
          this
        );
      }
      name() {
        return this.long ? this.long.replace(/^--/, '') : this.short.replace(/^-/, '');
      }
      attributeName() {
        return this.negate ? ze(this.name().replace(/^no-/, '')) : ze(this.name());
      }
      helpGroup(e) {
        return ((this.helpGroupHeading = e), this);
      }
      is(e) {
        return this.short === e || this.long === e;
      }
      isBoolean() {
        return !this.required && !this.optional && !this.negate;
      }
    },
    fe = class {
      constructor(e) {
        ((this.positiveOptions = new Map()),
          (this.negativeOptions = new Map()),
          (this.dualOptions = new Set()),
          e.forEach((t) => {
            t.negate
              ? this.negativeOptions.set(t.attributeName(), t)
              : this.positiveOptions.set(t.attributeName(), t);
          }),
          this.negativeOptions.forEach((t, r) => {
            this.positiveOptions.has(r) && this.dualOptions.add(r);
          }));
      }
      valueFromOption(e, t) {
        let r = t.attributeName();
        if (!this.dualOptions.has(r)) return !0;
        let n = this.negativeOptions.get(r).presetArg,
          o = n !== void 0 ? n : !1;
        return t.negate === (o === e);
      }
    };
  function ze(i) {
    return i.split('-').reduce((e, t) => e + t[0].toUpperCase() + t.slice(1));
  }
  function Jt(i) {
    let e,
      t,
      r = /^-[^-]$/,
      n = /^--[^-]/,
      o = i.split(/[ |,]+/).concat('guard');
    if (
      (r.test(o[0]) && (e = o.shift()),
      n.test(o[0]) && (t = o.shift()),
      !e && r.test(o[0]) && (e = o.shift()),
      !e && n.test(o[0]) && ((e = t), (t = o.shift())),
      o[0].startsWith('-'))
    ) {
      let s = o[0],
        a = `option creation failed due to '${s}' in option flags '${i}'`;
      throw /^-[^-][^-]/.test(s)
        ? new Error(`${a}
- a short flag is a single dash and a single character
  - either use a single dash and a single character (for a short flag)
  - or use a double dash for a long option (and can have two, like '--ws, --workspace')`)
        : r.test(s)
          ? new Error(`${a}
- too many short flags`)
          : n.test(s)
            ? new Error(`${a}
- too many long flags`)
            : new Error(`${a}
- unrecognised flag format`);
    }
    if (e === void 0 && t === void 0)
      throw new Error(`option creation failed due to no flags found in '${i}'.`);
    return { shortFlag: e, longFlag: t };
  }
  ge.Option = pe;
  ge.DualOptions = fe;
});
var Qe = k((Xe) => {
  function Yt(i, e) {
    if (Math.abs(i.length - e.length) > 3) return Math.max(i.length, e.length);
    let t = [];
    for (let r = 0; r <= i.length; r++) t[r] = [r];
    for (let r = 0; r <= e.length; r++) t[0][r] = r;
    for (let r = 1; r <= e.length; r++)
      for (let n = 1; n <= i.length; n++) {
        let o = 1;
        (i[n - 1] === e[r - 1] ? (o = 0) : (o = 1),
          (t[n][r] = Math.min(t[n - 1][r] + 1, t[n][r - 1] + 1, t[n - 1][r - 1] + o)),
          n > 1 &&
            r > 1 &&
            i[n - 1] === e[r - 2] &&
            i[n - 2] === e[r - 1] &&
            (t[n][r] = Math.min(t[n][r], t[n - 2][r - 2] + 1)));
      }
    return t[i.length][e.length];
  }
  function Kt(i, e) {
    if (!e || e.length === 0) return '';
    e = Array.from(new Set(e));
    let t = i.startsWith('--');
    t && ((i = i.slice(2)), (e = e.map((s) => s.slice(2))));
    let r = [],
      n = 3,
      o = 0.4;
    return (
      e.forEach((s) => {
        if (s.length <= 1) return;
        let a = Yt(i, s),
          l = Math.max(i.length, s.length);
        (l - a) / l > o && (a < n ? ((n = a), (r = [s])) : a === n && r.push(s));
      }),
      r.sort((s, a) => s.localeCompare(a)),
      t && (r = r.map((s) => `--${s}`)),
      r.length > 1
        ? `
(Did you mean one of ${r.join(', ')}?)`
        : r.length === 1
          ? `
(Did you mean ${r[0]}?)`
          : ''
    );
  }
  Xe.suggestSimilar = Kt;
});
var rt = k((Ce) => {
  var zt = R('node:events').EventEmitter,
    _e = R('node:child_process'),
    b = R('node:path'),
    Q = R('node:fs'),
    p = R('node:process'),
    { Argument: Xt, humanReadableArgName: Qt } = X(),
    { CommanderError: ve } = U(),
    { Help: Zt, stripColor: er } = he(),
    { Option: Ze, DualOptions: tr } = we(),
    { suggestSimilar: et } = Qe(),
    Oe = class i extends zt {
      constructor(e) {
        (super(),
          (this.commands = []),
          (this.options = []),
          (this.parent = null),
          (this._allowUnknownOption = !1),
          (this._allowExcessArguments = !1),
          (this.registeredArguments = []),
          (this._args = this.registeredArguments),
          (this.args = []),
          (this.rawArgs = []),
          (this.processedArgs = []),
          (this._scriptPath = null),
          (this._name = e || ''),
          (this._optionValues = {}),
          (this._optionValueSources = {}),
          (this._storeOptionsAsProperties = !1),
          (this._actionHandler = null),
          (this._executableHandler = !1),
          (this._executableFile = null),
          (this._executableDir = null),
          (this._defaultCommandName = null),
          (this._exitCallback = null),
          (this._aliases = []),
          (this._combineFlagAndOptionalValue = !0),
          (this._description = ''),
          (this._summary = ''),
          (this._argsDescription = void 0),
          (this._enablePositionalOptions = !1),
          (this._passThroughOptions = !1),
          (this._lifeCycleHooks = {}),
          (this._showHelpAfterError = !1),
          (this._showSuggestionAfterError = !0),
          (this._savedState = null),
          (this._outputConfiguration = {
            writeOut: (t) => p.stdout.write(t),
            writeErr: (t) => p.stderr.write(t),
            outputError: (t, r) => r(t),
            getOutHelpWidth: () => (p.stdout.isTTY ? p.stdout.columns : void 0),
            getErrHelpWidth: () => (p.stderr.isTTY ? p.stderr.columns : void 0),
            getOutHasColors: () => ye() ?? (p.stdout.isTTY && p.stdout.hasColors?.()),
            getErrHasColors: () => ye() ?? (p.stderr.isTTY && p.stderr.hasColors?.()),
            stripColor: (t) => er(t),
          }),
          (this._hidden = !1),
          (this._helpOption = void 0),
          (this._addImplicitHelpCommand = void 0),
          (this._helpCommand = void 0),
          (this._helpConfiguration = {}),
          (this._helpGroupHeading = void 0),
          (this._defaultCommandGroup = void 0),
          (this._defaultOptionGroup = void 0));
      }
      copyInheritedSettings(e) {
        return (
          (this._outputConfiguration = e._outputConfiguration),
          (this._helpOption = e._helpOption),
          (this._helpCommand = e._helpCommand),
          (this._helpConfiguration = e._helpConfiguration),
          (this._exitCallback = e._exitCallback),
          (this._storeOptionsAsProperties = e._storeOptionsAsProperties),
          (this._combineFlagAndOptionalValue = e._combineFlagAndOptionalValue),
          (this._allowExcessArguments = e._allowExcessArguments),
          (this._enablePositionalOptions = e._enablePositionalOptions),
          (this._showHelpAfterError = e._showHelpAfterError),
          (this._showSuggestionAfterError = e._showSuggestionAfterError),
          this
        );
      }
      _getCommandAndAncestors() {
        let e = [];
        for (let t = this; t; t = t.parent) e.push(t);
        return e;
      }
      command(e, t, r) {
        let n = t,
          o = r;
        (typeof n == 'object' && n !== null && ((o = n), (n = null)), (o = o || {}));
        let [, s, a] = e.match(/([^ ]+) *(.*)/),
          l = this.createCommand(s);
        return (
          n && (l.description(n), (l._executableHandler = !0)),
          o.isDefault && (this._defaultCommandName = l._name),
          (l._hidden = !!(o.noHelp || o.hidden)),
          (l._executableFile = o.executableFile || null),
          a && l.arguments(a),
          this._registerCommand(l),
          (l.parent = this),
          l.copyInheritedSettings(this),
          n ? this : l
        );
      }
      createCommand(e) {
        return new i(e);
      }
      createHelp() {
        return Object.assign(new Zt(), this.configureHelp());
      }
      configureHelp(e) {
        return e === void 0 ? this._helpConfiguration : ((this._helpConfiguration = e), this);
      }
      configureOutput(e) {
        return e === void 0
          ? this._outputConfiguration
          : ((this._outputConfiguration = { ...this._outputConfiguration, ...e }), this);
      }
      showHelpAfterError(e = !0) {
        return (typeof e != 'string' && (e = !!e), (this._showHelpAfterError = e), this);
      }
      showSuggestionAfterError(e = !0) {
        return ((this._showSuggestionAfterError = !!e), this);
      }
      addCommand(e, t) {
        if (!e._name)
          throw new Error(`Command passed to .addCommand() must have a name
- specify the name in Command constructor or using .name()`);
        return (
          (t = t || {}),
          t.isDefault && (this._defaultCommandName = e._name),
          (t.noHelp || t.hidden) && (e._hidden = !0),
          this._registerCommand(e),
          (e.parent = this),
          e._checkForBrokenPassThrough(),
          this
        );
      }
      createArgument(e, t) {
        return new Xt(e, t);
      }
      argument(e, t, r, n) {
        let o = this.createArgument(e, t);
        return (
          typeof r == 'function' ? o.default(n).argParser(r) : o.default(r),
          this.addArgument(o),
          this
        );
      }
      arguments(e) {
        return (
          e
            .trim()
            .split(/ +/)
            .forEach((t) => {
              this.argument(t);
            }),
          this
        );
      }
      addArgument(e) {
        let t = this.registeredArguments.slice(-1)[0];
        if (t?.variadic) throw new Error(`only the last argument can be variadic '${t.name()}'`);
        if (e.required && e.defaultValue !== void 0 && e.parseArg === void 0)
          throw new Error(`a default value for a required argument is never used: '${e.name()}'`);
        return (this.registeredArguments.push(e), this);
      }
      helpCommand(e, t) {
        if (typeof e == 'boolean')
          return (
            (this._addImplicitHelpCommand = e),
            e && this._defaultCommandGroup && this._initCommandGroup(this._getHelpCommand()),
            this
          );
        let r = e ?? 'help [command]',
          [, n, o] = r.match(/([^ ]+) *(.*)/),
          s = t ?? 'display help for command',
          a = this.createCommand(n);
        return (
          a.helpOption(!1),
          o && a.arguments(o),
          s && a.description(s),
          (this._addImplicitHelpCommand = !0),
          (this._helpCommand = a),
          (e || t) && this._initCommandGroup(a),
          this
        );
      }
      addHelpCommand(e, t) {
        return typeof e != 'object'
          ? (this.helpCommand(e, t), this)
          : ((this._addImplicitHelpCommand = !0),
            (this._helpCommand = e),
            this._initCommandGroup(e),
            this);
      }
      _getHelpCommand() {
        return (this._addImplicitHelpCommand ??
          (this.commands.length && !this._actionHandler && !this._findCommand('help')))
          ? (this._helpCommand === void 0 && this.helpCommand(void 0, void 0), this._helpCommand)
          : null;
      }
      hook(e, t) {
        let r = ['preSubcommand', 'preAction', 'postAction'];
        if (!r.includes(e))
          throw new Error(`Unexpected value for event passed to hook : '${e}'.
Expecting one of '${r.join("', '")}'`);
        return (
          this._lifeCycleHooks[e]
            ? this._lifeCycleHooks[e].push(t)
            : (this._lifeCycleHooks[e] = [t]),
          this
        );
      }
      exitOverride(e) {
        return (
          e
            ? (this._exitCallback = e)
            : (this._exitCallback = (t) => {
                if (t.code !== 'commander.executeSubCommandAsync') throw t;
              }),
          this
        );
      }
      _exit(e, t, r) {
        (this._exitCallback && this._exitCallback(new ve(e, t, r)), p.exit(e));
      }
      action(e) {
        let t = (r) => {
          let n = this.registeredArguments.length,
            o = r.slice(0, n);
          return (
            this._storeOptionsAsProperties ? (o[n] = this) : (o[n] = this.opts()),
            o.push(this),
            e.apply(this, o)
          );
        };
        return ((this._actionHandler = t), this);
      }
      createOption(e, t) {
        return new Ze(e, t);
      }
      _callParseArg(e, t, r, n) {
        try {
          return e.parseArg(t, r);
        } catch (o) {
          if (o.code === 'commander.invalidArgument') {
            let s = `${n} ${o.message}`;
            this.error(s, { exitCode: o.exitCode, code: o.code });
          }
          throw o;
        }
      }
      _registerOption(e) {
        let t = (e.short && this._findOption(e.short)) || (e.long && this._findOption(e.long));
        if (t) {
          let r = e.long && this._findOption(e.long) ? e.long : e.short;
          throw new Error(`Cannot add option '${e.flags}'${this._name && ` to command '${this._name}'`} due to conflicting flag '${r}'
-  already used by option '${t.flags}'`);
        }
        (this._initOptionGroup(e), this.options.push(e));
      }
      _registerCommand(e) {
        let t = (n) => [n.name()].concat(n.aliases()),
          r = t(e).find((n) => this._findCommand(n));
        if (r) {
          let n = t(this._findCommand(r)).join('|'),
            o = t(e).join('|');
          throw new Error(`cannot add command '${o}' as already have command '${n}'`);
        }
        (this._initCommandGroup(e), this.commands.push(e));
      }
      addOption(e) {
        this._registerOption(e);
        let t = e.name(),
          r = e.attributeName();
        if (e.negate) {
          let o = e.long.replace(/^--no-/, '--');
          this._findOption(o) ||
            this.setOptionValueWithSource(
              r,
              e.defaultValue === void 0 ? !0 : e.defaultValue,
              'default',
            );
        } else
          e.defaultValue !== void 0 && this.setOptionValueWithSource(r, e.defaultValue, 'default');
        let n = (o, s, a) => {
          o == null && e.presetArg !== void 0 && (o = e.presetArg);
          let l = this.getOptionValue(r);
          (o !== null && e.parseArg
            ? (o = this._callParseArg(e, o, l, s))
            : o !== null && e.variadic && (o = e._collectValue(o, l)),
            o == null && (e.negate ? (o = !1) : e.isBoolean() || e.optional ? (o = !0) : (o = '')),
            this.setOptionValueWithSource(r, o, a));
        };
        return (
          this.on('option:' + t, (o) => {
            let s = `error: option '${e.flags}' argument '${o}' is invalid.`;
            n(o, s, 'cli');
          }),
          e.envVar &&
            this.on('optionEnv:' + t, (o) => {
              let s = `error: option '${e.flags}' value '${o}' from env '${e.envVar}' is invalid.`;
              n(o, s, 'env');
            }),
          this
        );
      }
      _optionEx(e, t, r, n, o) {
        if (typeof t == 'object' && t instanceof Ze)
          throw new Error(
            'To add an Option object use addOption() instead of option() or requiredOption()',
          );
        let s = this.createOption(t, r);
        if ((s.makeOptionMandatory(!!e.mandatory), typeof n == 'function'))
          s.default(o).argParser(n);
        else if (n instanceof RegExp) {
          let a = n;
          ((n = (l, d) => {
            let c = a.exec(l);
            return c ? c[0] : d;
          }),
            s.default(o).argParser(n));
        } else s.default(n);
        return this.addOption(s);
      }
      option(e, t, r, n) {
        return this._optionEx({}, e, t, r, n);
      }
      requiredOption(e, t, r, n) {
        return this._optionEx({ mandatory: !0 }, e, t, r, n);
      }
      combineFlagAndOptionalValue(e = !0) {
        return ((this._combineFlagAndOptionalValue = !!e), this);
      }
      allowUnknownOption(e = !0) {
        return ((this._allowUnknownOption = !!e), this);
      }
      allowExcessArguments(e = !0) {
        return ((this._allowExcessArguments = !!e), this);
      }
      enablePositionalOptions(e = !0) {
        return ((this._enablePositionalOptions = !!e), this);
      }
      passThroughOptions(e = !0) {
        return ((this._passThroughOptions = !!e), this._checkForBrokenPassThrough(), this);
      }
      _checkForBrokenPassThrough() {
        if (this.parent && this._passThroughOptions && !this.parent._enablePositionalOptions)
          throw new Error(
            `passThroughOptions cannot be used for '${this._name}' without turning on enablePositionalOptions for parent command(s)`,
          );
      }
      storeOptionsAsProperties(e = !0) {
        if (this.options.length)
          throw new Error('call .storeOptionsAsProperties() before adding options');
        if (Object.keys(this._optionValues).length)
          throw new Error('call .storeOptionsAsProperties() before setting option values');
        return ((this._storeOptionsAsProperties = !!e), this);
      }
      getOptionValue(e) {
        return this._storeOptionsAsProperties ? this[e] : this._optionValues[e];
      }
      setOptionValue(e, t) {
        return this.setOptionValueWithSource(e, t, void 0);
      }
      setOptionValueWithSource(e, t, r) {
        return (
          this._storeOptionsAsProperties ? (this[e] = t) : (this._optionValues[e] = t),
          (this._optionValueSources[e] = r),
          this
        );
      }
      getOptionValueSource(e) {
        return this._optionValueSources[e];
      }
      getOptionValueSourceWithGlobals(e) {
        let t;
        return (
          this._getCommandAndAncestors().forEach((r) => {
            r.getOptionValueSource(e) !== void 0 && (t = r.getOptionValueSource(e));
          }),
          t
        );
      }
      _prepareUserArgs(e, t) {
        if (e !== void 0 && !Array.isArray(e))
          throw new Error('first parameter to parse must be array or undefined');
        if (((t = t || {}), e === void 0 && t.from === void 0)) {
          p.versions?.electron && (t.from = 'electron');
          let n = p.execArgv ?? [];
          (n.includes('-e') || n.includes('--eval') || n.includes('-p') || n.includes('--print')) &&
            (t.from = 'eval');
        }
        (e === void 0 && (e = p.argv), (this.rawArgs = e.slice()));
        let r;
        switch (t.from) {
          case void 0:
          case 'node':
            ((this._scriptPath = e[1]), (r = e.slice(2)));
            break;
          case 'electron':
            p.defaultApp ? ((this._scriptPath = e[1]), (r = e.slice(2))) : (r = e.slice(1));
            break;
          case 'user':
            r = e.slice(0);
            break;
          case 'eval':
            r = e.slice(1);
            break;
          default:
            throw new Error(`unexpected parse option { from: '${t.from}' }`);
        }
        return (
          !this._name && this._scriptPath && this.nameFromFilename(this._scriptPath),
          (this._name = this._name || 'program'),
          r
        );
      }
      parse(e, t) {
        this._prepareForParse();
        let r = this._prepareUserArgs(e, t);
        return (this._parseCommand([], r), this);
      }
      async parseAsync(e, t) {
        this._prepareForParse();
        let r = this._prepareUserArgs(e, t);
        return (await this._parseCommand([], r), this);
      }
      _prepareForParse() {
        this._savedState === null ? this.saveStateBeforeParse() : this.restoreStateBeforeParse();
      }
      saveStateBeforeParse() {
        this._savedState = {
          _name: this._name,
          _optionValues: { ...this._optionValues },
          _optionValueSources: { ...this._optionValueSources },
        };
      }
      restoreStateBeforeParse() {
        if (this._storeOptionsAsProperties)
          throw new Error(`Can not call parse again when storeOptionsAsProperties is true.
- either make a new Command for each call to parse, or stop storing options as properties`);
        ((this._name = this._savedState._name),
          (this._scriptPath = null),
          (this.rawArgs = []),
          (this._optionValues = { ...this._savedState._optionValues }),
          (this._optionValueSources = { ...this._savedState._optionValueSources }),
          (this.args = []),
          (this.processedArgs = []));
      }
      _checkForMissingExecutable(e, t, r) {
        if (Q.existsSync(e)) return;
        let n = t
            ? `searched for local subcommand relative to directory '${t}'`
            : 'no directory for search for local subcommand, use .executableDir() to supply a custom directory',
          o = `'${e}' does not exist
 - if '${r}' is not meant to be an executable command, remove description parameter from '.command()' and use '.description()' instead
 - if the default executable name is not suitable, use the executableFile option to supply a custom name or path
 - ${n}`;
        throw new Error(o);
      }
      _executeSubCommand(e, t) {
        t = t.slice();
        let r = !1,
          n = ['.js', '.ts', '.tsx', '.mjs', '.cjs'];
        function o(c, u) {
          let m = b.resolve(c, u);
          if (Q.existsSync(m)) return m;
          if (n.includes(b.extname(u))) return;
          let h = n.find((g) => Q.existsSync(`${m}${g}`));
          if (h) return `${m}${h}`;
        }
        (this._checkForMissingMandatoryOptions(), this._checkForConflictingOptions());
        let s = e._executableFile || `${this._name}-${e._name}`,
          a = this._executableDir || '';
        if (this._scriptPath) {
          let c;
          try {
            c = Q.realpathSync(this._scriptPath);
          } catch {
            c = this._scriptPath;
          }
          a = b.resolve(b.dirname(c), a);
        }
        if (a) {
          let c = o(a, s);
          if (!c && !e._executableFile && this._scriptPath) {
            let u = b.basename(this._scriptPath, b.extname(this._scriptPath));
            u !== this._name && (c = o(a, `${u}-${e._name}`));
          }
          s = c || s;
        }
        r = n.includes(b.extname(s));
        let l;
        (p.platform !== 'win32'
          ? r
            ? (t.unshift(s),
              (t = tt(p.execArgv).concat(t)),
              (l = _e.spawn(p.argv[0], t, { stdio: 'inherit' })))
            : (l = _e.spawn(s, t, { stdio: 'inherit' }))
          : (this._checkForMissingExecutable(s, a, e._name),
            t.unshift(s),
            (t = tt(p.execArgv).concat(t)),
            (l = _e.spawn(p.execPath, t, { stdio: 'inherit' }))),
          l.killed ||
            ['SIGUSR1', 'SIGUSR2', 'SIGTERM', 'SIGINT', 'SIGHUP'].forEach((u) => {
              p.on(u, () => {
                l.killed === !1 && l.exitCode === null && l.kill(u);
              });
            }));
        let d = this._exitCallback;
        (l.on('close', (c) => {
          ((c = c ?? 1),
            d ? d(new ve(c, 'commander.executeSubCommandAsync', '(close)')) : p.exit(c));
        }),
          l.on('error', (c) => {
            if (c.code === 'ENOENT') this._checkForMissingExecutable(s, a, e._name);
            else if (c.code === 'EACCES') throw new Error(`'${s}' not executable`);
            if (!d) p.exit(1);
            else {
              let u = new ve(1, 'commander.executeSubCommandAsync', '(error)');
              ((u.nestedError = c), d(u));
            }
          }),
          (this.runningCommand = l));
      }
      _dispatchSubcommand(e, t, r) {
        let n = this._findCommand(e);
        (n || this.help({ error: !0 }), n._prepareForParse());
        let o;
        return (
          (o = this._chainOrCallSubCommandHook(o, n, 'preSubcommand')),
          (o = this._chainOrCall(o, () => {
            if (n._executableHandler) this._executeSubCommand(n, t.concat(r));
            else return n._parseCommand(t, r);
          })),
          o
        );
      }
      _dispatchHelpCommand(e) {
        e || this.help();
        let t = this._findCommand(e);
        return (
          t && !t._executableHandler && t.help(),
          this._dispatchSubcommand(
            e,
            [],
            [this._getHelpOption()?.long ?? this._getHelpOption()?.short ?? '--help'],
          )
        );
      }
      _checkNumberOfArguments() {
        (this.registeredArguments.forEach((e, t) => {
          e.required && this.args[t] == null && this.missingArgument(e.name());
        }),
          !(
            this.registeredArguments.length > 0 &&
            this.registeredArguments[this.registeredArguments.length - 1].variadic
          ) &&
            this.args.length > this.registeredArguments.length &&
            this._excessArguments(this.args));
      }
      _processArguments() {
        let e = (r, n, o) => {
          let s = n;
          if (n !== null && r.parseArg) {
            let a = `error: command-argument value '${n}' is invalid for argument '${r.name()}'.`;
            s = this._callParseArg(r, n, o, a);
          }
          return s;
        };
        this._checkNumberOfArguments();
        let t = [];
        (this.registeredArguments.forEach((r, n) => {
          let o = r.defaultValue;
          (r.variadic
            ? n < this.args.length
              ? ((o = this.args.slice(n)),
                r.parseArg && (o = o.reduce((s, a) => e(r, a, s), r.defaultValue)))
              : o === void 0 && (o = [])
            : n < this.args.length &&
              ((o = this.args[n]), r.parseArg && (o = e(r, o, r.defaultValue))),
            (t[n] = o));
        }),
          (this.processedArgs = t));
      }
      _chainOrCall(e, t) {
        return e?.then && typeof e.then == 'function' ? e.then(() => t()) : t();
      }
      _chainOrCallHooks(e, t) {
        let r = e,
          n = [];
        return (
          this._getCommandAndAncestors()
            .reverse()
            .filter((o) => o._lifeCycleHooks[t] !== void 0)
            .forEach((o) => {
              o._lifeCycleHooks[t].forEach((s) => {
                n.push({ hookedCommand: o, callback: s });
              });
            }),
          t === 'postAction' && n.reverse(),
          n.forEach((o) => {
            r = this._chainOrCall(r, () => o.callback(o.hookedCommand, this));
          }),
          r
        );
      }
      _chainOrCallSubCommandHook(e, t, r) {
        let n = e;
        return (
          this._lifeCycleHooks[r] !== void 0 &&
            this._lifeCycleHooks[r].forEach((o) => {
              n = this._chainOrCall(n, () => o(this, t));
            }),
          n
        );
      }
      _parseCommand(e, t) {
        let r = this.parseOptions(t);
        if (
          (this._parseOptionsEnv(),
          this._parseOptionsImplied(),
          (e = e.concat(r.operands)),
          (t = r.unknown),
          (this.args = e.concat(t)),
          e && this._findCommand(e[0]))
        )
          return this._dispatchSubcommand(e[0], e.slice(1), t);
        if (this._getHelpCommand() && e[0] === this._getHelpCommand().name())
          return this._dispatchHelpCommand(e[1]);
        if (this._defaultCommandName)
          return (
            this._outputHelpIfRequested(t),
            this._dispatchSubcommand(this._defaultCommandName, e, t)
          );
        (this.commands.length &&
          this.args.length === 0 &&
          !this._actionHandler &&
          !this._defaultCommandName &&
          this.help({ error: !0 }),
          this._outputHelpIfRequested(r.unknown),
          this._checkForMissingMandatoryOptions(),
          this._checkForConflictingOptions());
        let n = () => {
            r.unknown.length > 0 && this.unknownOption(r.unknown[0]);
          },
          o = `command:${this.name()}`;
        if (this._actionHandler) {
          (n(), this._processArguments());
          let s;
          return (
            (s = this._chainOrCallHooks(s, 'preAction')),
            (s = this._chainOrCall(s, () => this._actionHandler(this.processedArgs))),
            this.parent &&
              (s = this._chainOrCall(s, () => {
                this.parent.emit(o, e, t);
              })),
            (s = this._chainOrCallHooks(s, 'postAction')),
            s
          );
        }
        if (this.parent?.listenerCount(o))
          (n(), this._processArguments(), this.parent.emit(o, e, t));
        else if (e.length) {
          if (this._findCommand('*')) return this._dispatchSubcommand('*', e, t);
          this.listenerCount('command:*')
            ? this.emit('command:*', e, t)
            : this.commands.length
              ? this.unknownCommand()
              : (n(), this._processArguments());
        } else
          this.commands.length ? (n(), this.help({ error: !0 })) : (n(), this._processArguments());
      }
      _findCommand(e) {
        if (e) return this.commands.find((t) => t._name === e || t._aliases.includes(e));
      }
      _findOption(e) {
        return this.options.find((t) => t.is(e));
      }
      _checkForMissingMandatoryOptions() {
        this._getCommandAndAncestors().forEach((e) => {
          e.options.forEach((t) => {
            t.mandatory &&
              e.getOptionValue(t.attributeName()) === void 0 &&
              e.missingMandatoryOptionValue(t);
          });
        });
      }
      _checkForConflictingLocalOptions() {
        let e = this.options.filter((r) => {
          let n = r.attributeName();
          return this.getOptionValue(n) === void 0
            ? !1
            : this.getOptionValueSource(n) !== 'default';
        });
        e.filter((r) => r.conflictsWith.length > 0).forEach((r) => {
          let n = e.find((o) => r.conflictsWith.includes(o.attributeName()));
          n && this._conflictingOption(r, n);
        });
      }
      _checkForConflictingOptions() {
        this._getCommandAndAncestors().forEach((e) => {
          e._checkForConflictingLocalOptions();
        });
      }
      parseOptions(e) {
        let t = [],
          r = [],
          n = t;
        function o(c) {
          return c.length > 1 && c[0] === '-';
        }
        let s = (c) =>
            /^-(\d+|\d*\.\d+)(e[+-]?\d+)?$/.test(c)
              ? !this._getCommandAndAncestors().some((u) =>
                  u.options.map((m) => m.short).some((m) => /^-\d$/.test(m)),
                )
              : !1,
          a = null,
          l = null,
          d = 0;
        for (; d < e.length || l;) {
          let c = l ?? e[d++];
          if (((l = null), c === '--')) {
            (n === r && n.push(c), n.push(...e.slice(d)));
            break;
          }
          if (a && (!o(c) || s(c))) {
            this.emit(`option:${a.name()}`, c);
            continue;
          }
          if (((a = null), o(c))) {
            let u = this._findOption(c);
            if (u) {
              if (u.required) {
                let m = e[d++];
                (m === void 0 && this.optionMissingArgument(u), this.emit(`option:${u.name()}`, m));
              } else if (u.optional) {
                let m = null;
                (d < e.length && (!o(e[d]) || s(e[d])) && (m = e[d++]),
                  this.emit(`option:${u.name()}`, m));
              } else this.emit(`option:${u.name()}`);
              a = u.variadic ? u : null;
              continue;
            }
          }
          if (c.length > 2 && c[0] === '-' && c[1] !== '-') {
            let u = this._findOption(`-${c[1]}`);
            if (u) {
              u.required || (u.optional && this._combineFlagAndOptionalValue)
                ? this.emit(`option:${u.name()}`, c.slice(2))
                : (this.emit(`option:${u.name()}`), (l = `-${c.slice(2)}`));
              continue;
            }
          }
          if (/^--[^=]+=/.test(c)) {
            let u = c.indexOf('='),
              m = this._findOption(c.slice(0, u));
            if (m && (m.required || m.optional)) {
              this.emit(`option:${m.name()}`, c.slice(u + 1));
              continue;
            }
          }
          if (
            (n === t && o(c) && !(this.commands.length === 0 && s(c)) && (n = r),
            (this._enablePositionalOptions || this._passThroughOptions) &&
              t.length === 0 &&
              r.length === 0)
          ) {
            if (this._findCommand(c)) {
              (t.push(c), r.push(...e.slice(d)));
              break;
            } else if (this._getHelpCommand() && c === this._getHelpCommand().name()) {
              t.push(c, ...e.slice(d));
              break;
            } else if (this._defaultCommandName) {
              r.push(c, ...e.slice(d));
              break;
            }
          }
          if (this._passThroughOptions) {
            n.push(c, ...e.slice(d));
            break;
          }
          n.push(c);
        }
        return { operands: t, unknown: r };
      }
      opts() {
        if (this._storeOptionsAsProperties) {
          let e = {},
            t = this.options.length;
          for (let r = 0; r < t; r++) {
            let n = this.options[r].attributeName();
            e[n] = n === this._versionOptionName ? this._version : this[n];
          }
          return e;
        }
        return this._optionValues;
      }
      optsWithGlobals() {
        return this._getCommandAndAncestors().reduce((e, t) => Object.assign(e, t.opts()), {});
      }
      error(e, t) {
        (this._outputConfiguration.outputError(
          `${e}
`,
          this._outputConfiguration.writeErr,
        ),
          typeof this._showHelpAfterError == 'string'
            ? this._outputConfiguration.writeErr(`${this._showHelpAfterError}
`)
            : this._showHelpAfterError &&
              (this._outputConfiguration.writeErr(`
`),
              this.outputHelp({ error: !0 })));
        let r = t || {},
          n = r.exitCode || 1,
          o = r.code || 'commander.error';
        this._exit(n, o, e);
      }
      _parseOptionsEnv() {
        this.options.forEach((e) => {
          if (e.envVar && e.envVar in p.env) {
            let t = e.attributeName();
            (this.getOptionValue(t) === void 0 ||
              ['default', 'config', 'env'].includes(this.getOptionValueSource(t))) &&
              (e.required || e.optional
                ? this.emit(`optionEnv:${e.name()}`, p.env[e.envVar])
                : this.emit(`optionEnv:${e.name()}`));
          }
        });
      }
      _parseOptionsImplied() {
        let e = new tr(this.options),
          t = (r) =>
            this.getOptionValue(r) !== void 0 &&
            !['default', 'implied'].includes(this.getOptionValueSource(r));
        this.options
          .filter(
            (r) =>
              r.implied !== void 0 &&
              t(r.attributeName()) &&
              e.valueFromOption(this.getOptionValue(r.attributeName()), r),
          )
          .forEach((r) => {
            Object.keys(r.implied)
              .filter((n) => !t(n))
              .forEach((n) => {
                this.setOptionValueWithSource(n, r.implied[n], 'implied');
              });
          });
      }
      missingArgument(e) {
        let t = `error: missing required argument '${e}'`;
        this.error(t, { code: 'commander.missingArgument' });
      }
      optionMissingArgument(e) {
        let t = `error: option '${e.flags}' argument missing`;
        this.error(t, { code: 'commander.optionMissingArgument' });
      }
      missingMandatoryOptionValue(e) {
        let t = `error: required option '${e.flags}' not specified`;
        this.error(t, { code: 'commander.missingMandatoryOptionValue' });
      }
      _conflictingOption(e, t) {
        let r = (s) => {
            let a = s.attributeName(),
              l = this.getOptionValue(a),
              d = this.options.find((u) => u.negate && a === u.attributeName()),
              c = this.options.find((u) => !u.negate && a === u.attributeName());
            return d &&
              ((d.presetArg === void 0 && l === !1) ||
                (d.presetArg !== void 0 && l === d.presetArg))
              ? d
              : c || s;
          },
          n = (s) => {
            let a = r(s),
              l = a.attributeName();
            return this.getOptionValueSource(l) === 'env'
              ? `environment variable '${a.envVar}'`
              : `option '${a.flags}'`;
          },
          o = `error: ${n(e)} cannot be used with ${n(t)}`;
        this.error(o, { code: 'commander.conflictingOption' });
      }
      unknownOption(e) {
        if (this._allowUnknownOption) return;
        let t = '';
        if (e.startsWith('--') && this._showSuggestionAfterError) {
          let n = [],
            o = this;
          do {
            let s = o
              .createHelp()
              .visibleOptions(o)
              .filter((a) => a.long)
              .map((a) => a.long);
            ((n = n.concat(s)), (o = o.parent));
          } while (o && !o._enablePositionalOptions);
          t = et(e, n);
        }
        let r = `error: unknown option '${e}'${t}`;
        this.error(r, { code: 'commander.unknownOption' });
      }
      _excessArguments(e) {
        if (this._allowExcessArguments) return;
        let t = this.registeredArguments.length,
          r = t === 1 ? '' : 's',
          o = `error: too many arguments${this.parent ? ` for '${this.name()}'` : ''}. Expected ${t} argument${r} but got ${e.length}.`;
        this.error(o, { code: 'commander.excessArguments' });
      }
      unknownCommand() {
        let e = this.args[0],
          t = '';
        if (this._showSuggestionAfterError) {
          let n = [];
          (this.createHelp()
            .visibleCommands(this)
            .forEach((o) => {
              (n.push(o.name()), o.alias() && n.push(o.alias()));
            }),
            (t = et(e, n)));
        }
        let r = `error: unknown command '${e}'${t}`;
        this.error(r, { code: 'commander.unknownCommand' });
      }
      version(e, t, r) {
        if (e === void 0) return this._version;
        ((this._version = e), (t = t || '-V, --version'), (r = r || 'output the version number'));
        let n = this.createOption(t, r);
        return (
          (this._versionOptionName = n.attributeName()),
          this._registerOption(n),
          this.on('option:' + n.name(), () => {
            (this._outputConfiguration.writeOut(`${e}
`),
              this._exit(0, 'commander.version', e));
          }),
          this
        );
      }
      description(e, t) {
        return e === void 0 && t === void 0
          ? this._description
          : ((this._description = e), t && (this._argsDescription = t), this);
      }
      summary(e) {
        return e === void 0 ? this._summary : ((this._summary = e), this);
      }
      alias(e) {
        if (e === void 0) return this._aliases[0];
        let t = this;
        if (
          (this.commands.length !== 0 &&
            this.commands[this.commands.length - 1]._executableHandler &&
            (t = this.commands[this.commands.length - 1]),
          e === t._name)
        )
          throw new Error("Command alias can't be the same as its name");
        let r = this.parent?._findCommand(e);
        if (r) {
          let n = [r.name()].concat(r.aliases()).join('|');
          throw new Error(
            `cannot add alias '${e}' to command '${this.name()}' as already have command '${n}'`,
          );
        }
        return (t._aliases.push(e), this);
      }
      aliases(e) {
        return e === void 0 ? this._aliases : (e.forEach((t) => this.alias(t)), this);
      }
      usage(e) {
        if (e === void 0) {
          if (this._usage) return this._usage;
          let t = this.registeredArguments.map((r) => Qt(r));
          return []
            .concat(
              this.options.length || this._helpOption !== null ? '[options]' : [],
              this.commands.length ? '[command]' : [],
              this.registeredArguments.length ? t : [],
            )
            .join(' ');
        }
        return ((this._usage = e), this);
      }
      name(e) {
        return e === void 0 ? this._name : ((this._name = e), this);
      }
      helpGroup(e) {
        return e === void 0 ? (this._helpGroupHeading ?? '') : ((this._helpGroupHeading = e), this);
      }
      commandsGroup(e) {
        return e === void 0
          ? (this._defaultCommandGroup ?? '')
          : ((this._defaultCommandGroup = e), this);
      }
      optionsGroup(e) {
        return e === void 0
          ? (this._defaultOptionGroup ?? '')
          : ((this._defaultOptionGroup = e), this);
      }
      _initOptionGroup(e) {
        this._defaultOptionGroup && !e.helpGroupHeading && e.helpGroup(this._defaultOptionGroup);
      }
      _initCommandGroup(e) {
        this._defaultCommandGroup && !e.helpGroup() && e.helpGroup(this._defaultCommandGroup);
      }
      nameFromFilename(e) {
        return ((this._name = b.basename(e, b.extname(e))), this);
      }
      executableDir(e) {
        return e === void 0 ? this._executableDir : ((this._executableDir = e), this);
      }
      helpInformation(e) {
        let t = this.createHelp(),
          r = this._getOutputContext(e);
        t.prepareContext({ error: r.error, helpWidth: r.helpWidth, outputHasColors: r.hasColors });
        let n = t.formatHelp(this, t);
        return r.hasColors ? n : this._outputConfiguration.stripColor(n);
      }
      _getOutputContext(e) {
        e = e || {};
        let t = !!e.error,
          r,
          n,
          o;
        return (
          t
            ? ((r = (a) => this._outputConfiguration.writeErr(a)),
              (n = this._outputConfiguration.getErrHasColors()),
              (o = this._outputConfiguration.getErrHelpWidth()))
            : ((r = (a) => this._outputConfiguration.writeOut(a)),
              (n = this._outputConfiguration.getOutHasColors()),
              (o = this._outputConfiguration.getOutHelpWidth())),
          {
            error: t,
            write: (a) => (n || (a = this._outputConfiguration.stripColor(a)), r(a)),
            hasColors: n,
            helpWidth: o,
          }
        );
      }
      outputHelp(e) {
        let t;
        typeof e == 'function' && ((t = e), (e = void 0));
        let r = this._getOutputContext(e),
          n = { error: r.error, write: r.write, command: this };
        (this._getCommandAndAncestors()
          .reverse()
          .forEach((s) => s.emit('beforeAllHelp', n)),
          this.emit('beforeHelp', n));
        let o = this.helpInformation({ error: r.error });
        if (t && ((o = t(o)), typeof o != 'string' && !Buffer.isBuffer(o)))
          throw new Error('outputHelp callback must return a string or a Buffer');
        (r.write(o),
          this._getHelpOption()?.long && this.emit(this._getHelpOption().long),
          this.emit('afterHelp', n),
          this._getCommandAndAncestors().forEach((s) => s.emit('afterAllHelp', n)));
      }
      helpOption(e, t) {
        return typeof e == 'boolean'
          ? (e
              ? (this._helpOption === null && (this._helpOption = void 0),
                this._defaultOptionGroup && this._initOptionGroup(this._getHelpOption()))
              : (this._helpOption = null),
            this)
          : ((this._helpOption = this.createOption(
              e ?? '-h, --help',
              t ?? 'display help for command',
            )),
            (e || t) && this._initOptionGroup(this._helpOption),
            this);
      }
      _getHelpOption() {
        return (this._helpOption === void 0 && this.helpOption(void 0, void 0), this._helpOption);
      }
      addHelpOption(e) {
        return ((this._helpOption = e), this._initOptionGroup(e), this);
      }
      help(e) {
        this.outputHelp(e);
        let t = Number(p.exitCode ?? 0);
        (t === 0 && e && typeof e != 'function' && e.error && (t = 1),
          this._exit(t, 'commander.help', '(outputHelp)'));
      }
      addHelpText(e, t) {
        let r = ['beforeAll', 'before', 'after', 'afterAll'];
        if (!r.includes(e))
          throw new Error(`Unexpected value for position to addHelpText.
Expecting one of '${r.join("', '")}'`);
        let n = `${e}Help`;
        return (
          this.on(n, (o) => {
            let s;
            (typeof t == 'function' ? (s = t({ error: o.error, command: o.command })) : (s = t),
              s &&
                o.write(`${s}
`));
          }),
          this
        );
      }
      _outputHelpIfRequested(e) {
        let t = this._getHelpOption();
        t &&
          e.find((n) => t.is(n)) &&
          (this.outputHelp(), this._exit(0, 'commander.helpDisplayed', '(outputHelp)'));
      }
    };
  function tt(i) {
    return i.map((e) => {
      if (!e.startsWith('--inspect')) return e;
      let t,
        r = '127.0.0.1',
        n = '9229',
        o;
      return (
        (o = e.match(/^(--inspect(-brk)?)$/)) !== null
          ? (t = o[1])
          : (o = e.match(/^(--inspect(-brk|-port)?)=([^:]+)$/)) !== null
            ? ((t = o[1]), /^\d+$/.test(o[3]) ? (n = o[3]) : (r = o[3]))
            : (o = e.match(/^(--inspect(-brk|-port)?)=([^:]+):(\d+)$/)) !== null &&
              ((t = o[1]), (r = o[3]), (n = o[4])),
        t && n !== '0' ? `${t}=${r}:${parseInt(n) + 1}` : e
      );
    });
  }
  function ye() {
    if (p.env.NO_COLOR || p.env.FORCE_COLOR === '0' || p.env.FORCE_COLOR === 'false') return !1;
    if (p.env.FORCE_COLOR || p.env.CLICOLOR_FORCE !== void 0) return !0;
  }
  Ce.Command = Oe;
  Ce.useColor = ye;
});
var st = k((_) => {
  var { Argument: nt } = X(),
    { Command: be } = rt(),
    { CommanderError: rr, InvalidArgumentError: ot } = U(),
    { Help: nr } = he(),
    { Option: it } = we();
  _.program = new be();
  _.createCommand = (i) => new be(i);
  _.createOption = (i, e) => new it(i, e);
  _.createArgument = (i, e) => new nt(i, e);
  _.Command = be;
  _.Option = it;
  _.Argument = nt;
  _.Help = nr;
  _.CommanderError = rr;
  _.InvalidArgumentError = ot;
  _.InvalidOptionArgumentError = ot;
});
var at = ie(st(), 1),
  {
    program: Yr,
    createCommand: Kr,
    createArgument: zr,
    createOption: Xr,
    CommanderError: Z,
    InvalidArgumentError: O,
    InvalidOptionArgumentError: Qr,
    Command: lt,
    Argument: Zr,
    Option: xe,
    Help: en,
  } = at.default;
var f = class extends Error {
  name = 'MlflowServerError';
  code;
  constructor(e, t, r) {
    (super(t, r), (this.code = e));
  }
};
function W(i, e) {
  return i instanceof f && (e === void 0 || i.code === e);
}
import { existsSync as or } from 'node:fs';
import Ae from 'node:path';
function P(i = process.cwd()) {
  let e = Ae.resolve(i);
  for (;;) {
    if (or(Ae.join(e, 'pnpm-workspace.yaml'))) return e;
    let t = Ae.dirname(e);
    if (t === e)
      throw new f(
        'REPO_ROOT_NOT_FOUND',
        `No pnpm-workspace.yaml found in ${i} or any parent directory. Run champion from inside the champion repository, or pass the repository root explicitly.`,
      );
    e = t;
  }
}
var ct = ie(Rt(), 1);
import { createHash as ir } from 'node:crypto';
import { readFile as sr } from 'node:fs/promises';
function N(i, e, t) {
  return new f(
    'CONDA_YAML_INVALID',
    `${i}: ${e}. It must have a \`dependencies:\` list with a \`pip:\` list of requirement strings (e.g. \`- mlflow==3.17.2\`); fix the file and retry.`,
    t === void 0 ? void 0 : { cause: t },
  );
}
function $e(i) {
  return typeof i == 'object' && i !== null && !Array.isArray(i);
}
function ut(i, e = 'conda.yaml') {
  let t;
  try {
    t = (0, ct.parse)(i);
  } catch (o) {
    throw N(e, 'is not valid YAML', o);
  }
  if (!$e(t) || !Array.isArray(t.dependencies)) throw N(e, 'has no `dependencies:` list');
  let r = t.dependencies.find((o) => $e(o) && 'pip' in o);
  if (!$e(r) || !Array.isArray(r.pip)) throw N(e, 'has no `pip:` list under `dependencies:`');
  let n = r.pip.map((o, s) => {
    if (typeof o != 'string' || o.trim() === '')
      throw N(e, `pip entry #${s + 1} is not a requirement string`);
    return o.trim();
  });
  if (n.length === 0) throw N(e, 'has an empty `pip:` list');
  return n;
}
async function Ee(i) {
  let e;
  try {
    e = await sr(i, 'utf8');
  } catch (t) {
    throw N(i, 'cannot be read', t);
  }
  return ut(e, i);
}
function ee(i) {
  let e = ir('sha256');
  for (let t of i)
    e.update(`${t}
`);
  return e.digest('hex');
}
import { spawn as ar } from 'node:child_process';
function M(i) {
  let e = i.tailLines ?? 30,
    t = [];
  return new Promise((r) => {
    let n = ar(i.command, i.args, { stdio: ['ignore', 'pipe', 'pipe'], env: i.env ?? process.env }),
      o = (a) => {
        let l = '';
        (a.setEncoding('utf8'),
          a.on('data', (d) => {
            l += d;
            let c = l.split(/\r?\n/);
            l = c.pop() ?? '';
            for (let u of c) s(u);
          }),
          a.on('end', () => {
            l !== '' && s(l);
          }));
      },
      s = (a) => {
        (t.push(a), t.length > e && t.shift(), i.onLine?.(a));
      };
    (o(n.stdout),
      o(n.stderr),
      n.on('error', (a) => r({ code: null, spawnError: a, tail: t })),
      n.on('close', (a) => r({ code: a, tail: t })));
  });
}
var lr = ['python3', 'python3.13', 'python3.12', 'python3.11', 'python3.10', 'python'],
  cr = 'import sys; print("%d.%d.%d" % sys.version_info[:3])';
function dt(i) {
  let e = /^(\d+)\.(\d+)\.(\d+)$/.exec(i.trim());
  if (e) return { major: Number(e[1]), minor: Number(e[2]), patch: Number(e[3]) };
}
async function Se(i = {}) {
  let e = i.env ?? process.env,
    t = i.minVersion ?? { major: 3, minor: 10 },
    r = e.CHAMPION_PYTHON,
    n = [...(r ? [r] : []), ...(i.candidates ?? lr)],
    o = [];
  for (let a of n) {
    let l = await M({ command: a, args: ['-c', cr], env: e }),
      d =
        l.code === 0
          ? dt(
              l.tail.join(`
`),
            )
          : void 0;
    if (!d) continue;
    if (d.major > t.major || (d.major === t.major && d.minor >= t.minor))
      return { command: a, version: d };
    o.push(`${a} (${d.major}.${d.minor}.${d.patch})`);
  }
  let s = `Python ${t.major}.${t.minor}+`;
  throw o.length > 0
    ? new f(
        'PYTHON_TOO_OLD',
        `MLflow needs ${s}, but only found ${o.join(', ')}. Install a newer Python (e.g. \`apt install python3.11 python3.11-venv\`, \`brew install python@3.11\`) or point CHAMPION_PYTHON at one.`,
      )
    : new f(
        'PYTHON_NOT_FOUND',
        `No Python interpreter found (tried ${n.join(', ')}). The MLflow server needs ${s}: install it (with its venv module) or set CHAMPION_PYTHON to its path.`,
      );
}
import { existsSync as ht } from 'node:fs';
import { mkdir as fr, readFile as gr, writeFile as wr } from 'node:fs/promises';
import y from 'node:path';
import { open as ur, readFile as dr, unlink as mt } from 'node:fs/promises';
import { setTimeout as mr } from 'node:timers/promises';
function hr(i) {
  try {
    return (process.kill(i, 0), !0);
  } catch (e) {
    return e.code === 'EPERM';
  }
}
async function pr(i) {
  try {
    let t = await ur(i, 'wx');
    return (await t.writeFile(String(process.pid)), await t.close(), 'acquired');
  } catch (t) {
    if (t.code !== 'EEXIST') throw t;
  }
  let e = Number.parseInt(await dr(i, 'utf8').catch(() => ''), 10);
  return Number.isFinite(e) ? e : 0;
}
async function ke(i, e) {
  let t = Date.now() + (i.timeoutMs ?? 9e5),
    r = !1;
  for (;;) {
    let n = await pr(i.path);
    if (n === 'acquired') break;
    if (n > 0 && !hr(n)) {
      await mt(i.path).catch(() => {});
      continue;
    }
    if ((!r && n > 0 && (i.onWait?.(n), (r = !0)), Date.now() > t))
      throw new f(
        'LOCK_TIMEOUT',
        `Timed out waiting for the lock ${i.path} (held by pid ${n}). If no other champion process is running, delete that file and retry.`,
      );
    await mr(i.pollMs ?? 500);
  }
  try {
    return await e();
  } finally {
    await mt(i.path).catch(() => {});
  }
}
var te = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };
var Te = '.champion-pins.sha256';
function re(i) {
  let e = process.platform === 'win32' ? y.join(i, 'Scripts') : y.join(i, 'bin'),
    t = process.platform === 'win32' ? '.exe' : '';
  return { python: y.join(e, `python${t}`), mlflow: y.join(e, `mlflow${t}`) };
}
async function Pe(i) {
  let { python: e, mlflow: t } = re(i.venvDir);
  if (!ht(e)) return { state: 'missing', reason: `${e} does not exist` };
  let r = await gr(y.join(i.venvDir, Te), 'utf8').catch(() => '');
  return r.trim() === ''
    ? { state: 'stale', reason: 'it has no stamp (unfinished build?)' }
    : r.trim() !== ee(i.pins)
      ? { state: 'stale', reason: 'the pip pins in conda.yaml changed' }
      : i.pins.some((s) => /^mlflow(\[[^\]]*\])?\s*[=<>~!]/i.test(s)) && !ht(t)
        ? { state: 'stale', reason: `${t} is missing` }
        : (await M({ command: e, args: ['-c', 'pass'] })).code !== 0
          ? { state: 'stale', reason: 'its Python interpreter no longer runs' }
          : { state: 'fresh' };
}
function _r(i) {
  process.stderr.write(`[mlflow-venv] ${i}
`);
}
async function vr(i) {
  let { venvDir: e, pins: t, settings: r } = i,
    n = r.onOutput ?? _r,
    o = await Se(r.python),
    s = `${o.version.major}.${o.version.minor}.${o.version.patch}`;
  n(`creating ${e} with ${o.command} (Python ${s})`);
  let a = await M({ command: o.command, args: ['-m', 'venv', '--clear', e], onLine: n });
  if (a.code !== 0)
    throw new f(
      'VENV_FAILED',
      `\`${o.command} -m venv ${e}\` failed. On Debian/Ubuntu install the venv module (\`apt install python3-venv\`), then retry. Last output:
${a.tail.join(`
`)}`,
      a.spawnError ? { cause: a.spawnError } : void 0,
    );
  let { python: l } = re(e);
  n(`pip install ${t.join(' ')} (takes a minute or two the first time)`);
  let c = await M({
    command: l,
    args: [
      ...['-m', 'pip', 'install', '--disable-pip-version-check', '--no-input'],
      '--progress-bar',
      'off',
      ...t,
    ],
    onLine: n,
  });
  if (c.code !== 0)
    throw new f(
      'PIP_FAILED',
      `pip could not install the MLflow server's pins (${t.join(', ')}) into ${e}. Check your network / proxy (PIP_INDEX_URL) and the pins in conda.yaml, then retry. Last pip output:
${c.tail.join(`
`)}`,
    );
  (await wr(
    y.join(e, Te),
    `${ee(t)}
`,
  ),
    n('MLflow venv ready'));
}
async function G(i = {}) {
  let e = i.logger ?? te,
    t = i.repoRoot ?? P(),
    r = y.resolve(i.venvDir ?? y.join(t, '.venv-mlflow')),
    n = i.condaYamlPath ?? y.join(t, 'conda.yaml'),
    o = i.pins ? [...i.pins] : await Ee(n),
    s = (l) => ({ dir: r, ...re(r), pins: o, rebuilt: l });
  if ((await Pe({ venvDir: r, pins: o })).state === 'fresh') return s(!1);
  let a = `${r}.lock`;
  return (
    await fr(y.dirname(r), { recursive: !0 }),
    ke(
      {
        path: a,
        onWait: (l) =>
          e.info('waiting for another process building the MLflow venv', { pid: l, lockPath: a }),
      },
      async () => {
        let l = await Pe({ venvDir: r, pins: o });
        return l.state === 'fresh'
          ? s(!1)
          : (e.info('building the MLflow venv', { venvDir: r, why: l.reason }),
            await vr({ venvDir: r, pins: o, settings: i }),
            s(!0));
      },
    )
  );
}
import Or from 'node:net';
function He(i) {
  let { host: e, port: t } = i;
  return new Promise((r, n) => {
    let o = Or.createServer();
    (o.once('error', (s) => {
      s.code === 'EADDRINUSE'
        ? n(
            new f(
              'PORT_IN_USE',
              `Port ${t} on ${e} is already in use (another MLflow server?). Stop whatever listens there (\`lsof -i :${t}\`) or choose another port, e.g. \`--port ${t + 1}\`.`,
              { cause: s },
            ),
          )
        : n(s);
    }),
      o.listen({ host: e, port: t, exclusive: !0 }, () => o.close(() => r())));
  });
}
import { setTimeout as yr } from 'node:timers/promises';
function Cr(i = '/health', e = {}) {
  let t = e.timeoutMs ?? 12e4;
  return {
    description: `GET ${i} answers 2xx within ${t} ms`,
    async waitUntilReady(r) {
      let n = new URL(i, r.baseUrl),
        o = Date.now() + t,
        s = 'no answer yet';
      for (; Date.now() < o;) {
        r.signal.throwIfAborted();
        try {
          let a = AbortSignal.timeout(e.requestTimeoutMs ?? 5e3),
            l = await fetch(n, { signal: AbortSignal.any([r.signal, a]) });
          if ((await l.text(), l.ok)) return;
          s = `HTTP ${l.status}`;
        } catch (a) {
          (r.signal.throwIfAborted(), (s = a instanceof Error ? a.message : String(a)));
        }
        await yr(e.intervalMs ?? 250, void 0, { signal: r.signal }).catch(() => {
          r.signal.throwIfAborted();
        });
      }
      throw new f('HEALTH_TIMEOUT', `${n.href} did not answer OK within ${t} ms (last: ${s}).`);
    },
  };
}
var Ie = { forHttp: Cr };
import Ne from 'node:path';
function pt(i) {
  return `sqlite:///${Ne.resolve(i)}`;
}
function Me(i) {
  return {
    backendStoreUri: pt(Ne.join(i, 'mlflow.db')),
    artifactsDestination: Ne.resolve(i, 'artifacts'),
  };
}
function je(i) {
  return i.replace(/^postgres(ql)?:\/\//i, 'postgresql+psycopg2://');
}
function Ve(i) {
  let e = [
    'server',
    '--host',
    i.host,
    '--port',
    String(i.port),
    '--workers',
    String(i.workers),
    '--backend-store-uri',
    i.backendStoreUri,
    '--artifacts-destination',
    i.artifactsDestination,
    '--serve-artifacts',
  ];
  return (
    i.allowedHosts &&
      i.allowedHosts.length > 0 &&
      e.push('--allowed-hosts', i.allowedHosts.join(',')),
    i.corsAllowedOrigins &&
      i.corsAllowedOrigins.length > 0 &&
      e.push('--cors-allowed-origins', i.corsAllowedOrigins.join(',')),
    e
  );
}
function Le(i) {
  let { host: e, port: t } = i;
  return e === '0.0.0.0' || e === ''
    ? `http://127.0.0.1:${t}`
    : e === '::' || e === '[::]'
      ? `http://[::1]:${t}`
      : e.includes(':') && !e.startsWith('[')
        ? `http://[${e}]:${t}`
        : `http://${e}:${t}`;
}
import { spawn as Ar } from 'node:child_process';
import { createWriteStream as $r } from 'node:fs';
import { mkdir as De } from 'node:fs/promises';
import j from 'node:path';
import { setTimeout as br } from 'node:timers/promises';
function xr(i) {
  try {
    return (process.kill(-i, 0), !0);
  } catch (e) {
    return e.code === 'EPERM';
  }
}
function Fe(i, e) {
  try {
    process.kill(-i, e);
  } catch {}
}
async function ft(i, e) {
  let t = Date.now() + e;
  for (; xr(i);) {
    if (Date.now() > t) return !1;
    await br(100);
  }
  return !0;
}
async function gt(i, e) {
  let t = i.pid;
  if (t !== void 0) {
    if (process.platform === 'win32') {
      i.kill();
      return;
    }
    (Fe(t, 'SIGTERM'), !(await ft(t, e)) && (Fe(t, 'SIGKILL'), await ft(t, 5e3)));
  }
}
function wt(i) {
  i.pid !== void 0 && process.platform !== 'win32' && Fe(i.pid, 'SIGKILL');
}
var Er = 40;
function _t(i) {
  return !/^[a-z][a-z0-9+.-]*:\/\//i.test(i);
}
async function q(i) {
  let e = i.logger ?? te,
    t = i.host ?? '127.0.0.1',
    r = i.port ?? 5e3,
    n = j.resolve(i.storeDir ?? j.join(P(), 'mlruns')),
    o = Me(n),
    s = je(i.backendStoreUri ?? o.backendStoreUri),
    a = i.artifactsDestination ?? o.artifactsDestination,
    l = _t(a) ? j.resolve(a) : a,
    d = j.resolve(i.logFile ?? j.join(n, `mlflow-server-${r}.log`));
  (await He({ host: t, port: r }),
    await De(n, { recursive: !0 }),
    await De(j.dirname(d), { recursive: !0 }),
    _t(l) && (await De(l, { recursive: !0 })));
  let c = Ve({
    host: t,
    port: r,
    backendStoreUri: s,
    artifactsDestination: l,
    workers: i.workers ?? 1,
    ...(i.allowedHosts ? { allowedHosts: i.allowedHosts } : {}),
    ...(i.corsAllowedOrigins ? { corsAllowedOrigins: i.corsAllowedOrigins } : {}),
  });
  e.info('starting mlflow server', { host: t, port: r, store: s.split(':')[0], logFile: d });
  let u = $r(d, { flags: 'a' }),
    m = [],
    h = Ar(i.mlflow, c, {
      detached: !0,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...(i.env ?? process.env),
        MLFLOW_SERVER_ENABLE_JOB_EXECUTION: String(i.enableJobExecution ?? !1),
      },
    }),
    g = (w) => {
      (m.push(w), m.length > Er && m.shift(), i.onLog?.(w));
    };
  for (let w of [h.stdout, h.stderr]) {
    let C = '';
    (w.setEncoding('utf8'),
      w.on('data', (H) => {
        (u.write(H), (C += H));
        let J = C.split(/\r?\n/);
        ((C = J.pop() ?? ''), J.forEach(g));
      }));
  }
  let B = () => wt(h);
  process.on('exit', B);
  let D = new AbortController(),
    $ = new Promise((w) => {
      (h.once('error', (C) => {
        (D.abort(
          new f(
            'SERVER_EXITED',
            `Could not run ${i.mlflow} (${C.message}). Provision the venv first (ensureVenv).`,
            { cause: C },
          ),
        ),
          w({ code: null, signal: null }));
      }),
        h.once('exit', (C, H) => {
          let J = H ? `signal ${H}` : `code ${C}`;
          (D.abort(
            new f(
              'SERVER_EXITED',
              `mlflow server exited with ${J} before it was ready. Full log: ${d}. Last lines:
${m.join(`
`)}`,
            ),
          ),
            w({ code: C, signal: H }));
        }));
    });
  $.then(() => {
    (process.off('exit', B), u.end());
  });
  let E,
    ne = () => ((E ??= gt(h, i.stopGraceMs ?? 1e4).then(() => {})), E),
    oe = Le({ host: t, port: r }),
    Dt = i.readiness ?? Ie.forHttp('/health');
  try {
    await Dt.waitUntilReady({ baseUrl: oe, signal: D.signal });
  } catch (w) {
    throw (
      await ne(),
      W(w, 'HEALTH_TIMEOUT')
        ? new f(
            'HEALTH_TIMEOUT',
            `${w.message} The server may still be migrating its database or be stuck; see ${d}. Last lines:
${m.join(`
`)}`,
            { cause: w },
          )
        : w
    );
  }
  return (
    e.info('mlflow server ready', { url: oe, pid: h.pid }),
    {
      url: oe,
      host: t,
      port: r,
      pid: h.pid ?? -1,
      logFile: d,
      backendStoreUri: s,
      artifactsDestination: l,
      exited: $,
      stop: ne,
    }
  );
}
var Sr = Y.object({
  LOG_LEVEL: Y.enum(['error', 'warn', 'info', 'debug']).default('info'),
  MLFLOW_TRACKING_URI: Y.url().optional(),
});
function vt(i = process.env) {
  let e = Sr.safeParse(i);
  if (!e.success) {
    let t = e.error.issues.map((r) => `${r.path.join('.')}: ${r.message}`);
    throw new Error(`Invalid environment: ${t.join('; ')}. Fix or unset these variables.`);
  }
  return e.data;
}
function Ot(i = process.stdout) {
  return {
    result: ({ text: e, data: t, json: r }) => {
      i.write(
        r
          ? `${JSON.stringify(t)}
`
          : `${e}
`,
      );
    },
  };
}
function yt() {
  return new Promise((i) => {
    let e = (t) => i(t);
    (process.on('SIGINT', e), process.on('SIGTERM', e));
  });
}
var V = ie(Ut(), 1);
function Ct(i) {
  return V.default.createLogger({
    level: i,
    format: V.default.format.combine(V.default.format.timestamp(), V.default.format.json()),
    transports: [
      new V.default.transports.Console({ stderrLevels: ['error', 'warn', 'info', 'debug'] }),
    ],
  });
}
function T(i) {
  let e = Number(i);
  if (!Number.isInteger(e) || e < 1 || e > 65535)
    throw new O('a port is an integer from 1 to 65535.');
  return e;
}
function v(i) {
  let e = Number(i);
  if (!Number.isInteger(e) || e < 1) throw new O('expected an integer \u2265 1.');
  return e;
}
function x(i) {
  return i
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
}
function S(i) {
  let e = i.stream ?? process.stderr,
    t = performance.now();
  if (i.json) return { update: () => {}, done: () => {} };
  let r = () => `${((performance.now() - t) / 1e3).toFixed(1).padStart(6)}s`;
  if (!e.isTTY)
    return {
      update: (o) => {
        e.write(`${r()}  ${o}
`);
      },
      done: () => {},
    };
  let n = '';
  return {
    update(o) {
      let s = (e.columns || 100) - 1;
      ((n = `${r()}  ${o}`.slice(0, s)), e.write(`\r\x1B[2K${n}`));
    },
    done() {
      n !== '' &&
        e.write(`
`);
    },
  };
}
var bt = {
  register(i, e) {
    i.command('data')
      .description('Data utilities')
      .command('synth')
      .description(
        'Write a seeded synthetic credit-default CSV (30 features, target `default`, id `id`)',
      )
      .option('--rows <n>', 'rows to write', v, 2e4)
      .requiredOption('--out <file>', 'CSV file to write')
      .option('--seed <n>', 'random seed', v, 7)
      .action(async (r, n) => {
        let o = n.optsWithGlobals(),
          s = o.json === !0,
          a = S({ json: s }),
          l = performance.now();
        (await K({
          rows: o.rows,
          seed: o.seed,
          out: o.out,
          onProgress: (c) =>
            a.update(`synth: ${c.toLocaleString('en')} / ${o.rows.toLocaleString('en')} rows`),
        }),
          a.done());
        let d = (performance.now() - l) / 1e3;
        e.output.result({
          json: s,
          text: `wrote ${o.rows} rows to ${o.out} in ${d.toFixed(1)}s`,
          data: { event: 'synthesized', rows: o.rows, out: o.out, seed: o.seed, seconds: d },
        });
      });
  },
};
import { existsSync as Hr } from 'node:fs';
import { mkdir as Ir } from 'node:fs/promises';
import { join as $t } from 'node:path';
function L(i, e) {
  let t = i.map((n, o) => Math.max(n.length, ...e.map((s) => (s[o] ?? '').length))),
    r = (n) =>
      n
        .map((o, s) => o.padEnd(t[s] ?? 0))
        .join('  ')
        .trimEnd();
  return [r(i), r(t.map((n) => '-'.repeat(n))), ...e.map(r)].join(`
`);
}
var Re = 'http://127.0.0.1:5000';
async function kr(i) {
  try {
    return (await fetch(`${i}/health`, { signal: AbortSignal.timeout(2e3) })).ok;
  } catch {
    return !1;
  }
}
async function Ue(i) {
  let { env: e, logger: t } = i;
  if (e.MLFLOW_TRACKING_URI) {
    let s = I.fromEnv(e, { logger: t });
    return { client: s, uri: s.trackingUri, how: 'env', close: () => s.close() };
  }
  if (await kr(Re)) {
    let s = new I({ trackingUri: Re, logger: t });
    return { client: s, uri: Re, how: 'running', close: () => s.close() };
  }
  t.info(
    'MLFLOW_TRACKING_URI is not set and no MLflow answers on 127.0.0.1:5000: starting the embedded one (mlruns/) for this command',
  );
  let r = await G({ logger: t }),
    n = await q({ mlflow: r.mlflow, port: 5e3, logger: t }),
    o = new I({ trackingUri: n.url, logger: t });
  return {
    client: o,
    uri: n.url,
    how: 'started',
    close: async () => {
      (await o.close(), await n.stop());
    },
  };
}
async function A(i, e) {
  let t = await Ue(i);
  try {
    return await e(t);
  } finally {
    await t.close();
  }
}
var Pr = { quick: 2, default: 6, wide: 20 };
function F(i) {
  let e = Number(i);
  if (!Number.isFinite(e)) throw new O('expected a number.');
  return e;
}
function We(i, e) {
  let t = i.candidates.map((o) => [
      o.learner,
      String(o.index + 1),
      `${o.meanAuc.toFixed(4)} \xB1 ${o.stdAuc.toFixed(4)}`,
      `${o.seconds.toFixed(1)}s`,
      JSON.stringify(o.params),
    ]),
    r = i.models.map((o) => [
      o.learner === i.winner.learner ? `${o.learner} (winner)` : o.learner,
      (o.evaluated.metrics.roc_auc ?? Number.NaN).toFixed(4),
      (o.evaluated.metrics.pr_auc ?? Number.NaN).toFixed(4),
      (o.evaluated.metrics.log_loss ?? Number.NaN).toFixed(4),
      (o.evaluated.metrics.f1 ?? Number.NaN).toFixed(4),
      o.evaluated.threshold.threshold.toFixed(4),
      o.evaluated.parity.maxAbsDiff.toExponential(1),
    ]),
    n = [
      `rows: ${i.rows.train} train, ${i.rows.validation} validation, ${i.rows.test} test${i.rows.setAside ? `, ${i.rows.setAside} set aside` : ''}; ${i.features} features`,
      '',
      'candidates (cross-validated ROC AUC on the training split):',
      L(['learner', '#', 'cv roc_auc', 'time', 'params'], t),
      '',
      'best of each learner on the held-out test split, scored by its ONNX export:',
      L(['model', 'roc_auc', 'pr_auc', 'log_loss', 'f1', 'threshold', 'parity'], r),
      '',
    ];
  return (
    i.version !== void 0 &&
      i.decision &&
      n.push(
        `registered version ${i.version} (@challenger); gate: ${i.decision.promote ? 'PROMOTED to @champion' : 'not promoted, @champion unchanged'}`,
        ...i.decision.reasons.map((o) => `  ${o}`),
      ),
    n.push(`MLflow run: ${e.replace(/\/+$/, '')}/#/experiments/${i.experimentId}/runs/${i.runId}`),
    n.join(`
`)
  );
}
var xt = {
  register(i, e) {
    i.command('train')
      .description(
        'Train candidates on a CSV/Parquet file, log them to MLflow, register the best and run the promotion gate',
      )
      .requiredOption('--data <file>', 'training data (CSV or Parquet)')
      .requiredOption('--target <column>', 'the column to predict (two classes)')
      .option(
        '--positive <label>',
        'the positive class (default: 1/yes/true/bad..., else the minority class)',
      )
      .option('--id-cols <list>', 'comma-separated id columns (not features)', x)
      .option(
        '--exclude <list>',
        'comma-separated columns to leave out (leakage, protected attributes)',
        x,
      )
      .option(
        '--categorical <list>',
        'comma-separated numeric-looking columns to treat as categories',
        x,
      )
      .option('--name <model>', 'registered model name', 'credit-default')
      .option('--experiment <name>', 'MLflow experiment (default: the model name)')
      .option('--learners <list>', 'learners to search: gbdt, logreg', x, ['gbdt', 'logreg'])
      .addOption(
        new xe('--search <size>', 'search size')
          .choices(['quick', 'default', 'wide'])
          .default('default'),
      )
      .option('--candidates <n>', 'candidates per learner (overrides --search)', v)
      .option('--time-budget <seconds>', 'stop starting new candidates after this long', F, 300)
      .option('--folds <k>', 'cross-validation folds (default 3; holdout above 200k rows)', v)
      .addOption(
        new xe(
          '--threshold-for <objective>',
          'how the decision threshold is chosen on validation data',
        )
          .choices(['f1', 'cost'])
          .default('f1'),
      )
      .option('--cost-fn <cost>', 'cost of a false negative (missed positive)', F, 5)
      .option('--cost-fp <cost>', 'cost of a false positive', F, 1)
      .option('--min-auc <auc>', 'promotion floor: test ROC AUC at least', F, 0.6)
      .option('--margin <delta>', 'promotion: ROC AUC improvement over the champion required', F, 0)
      .option('--seed <n>', 'random seed (splits, search, learners)', F, 42)
      .option(
        '--set-aside-bad-rows',
        'set rows with bad values aside (counted, logged) instead of failing',
      )
      .option('--no-register', 'log runs and models but do not register or promote')
      .action(async (t, r) => {
        let n = r.optsWithGlobals(),
          o = n.json === !0,
          s = n.candidates ?? Pr[n.search],
          { checkTrainOptions: a, train: l } = await import('./dist-FWRFKSOA.js');
        a({
          name: n.name,
          learners: n.learners,
          candidates: s,
          folds: n.folds,
          timeBudgetSeconds: n.timeBudget,
        });
        let d = S({ json: o }),
          c = new AbortController();
        e.shutdownSignal().then((h) => c.abort(h));
        let u = await A({ env: process.env, logger: e.logger }, async (h) => {
            try {
              return {
                uri: h.uri,
                result: await l({
                  client: h.client,
                  name: n.name,
                  experiment: n.experiment,
                  data: {
                    path: n.data,
                    target: n.target,
                    positive: n.positive,
                    idColumns: n.idCols,
                    exclude: n.exclude,
                    categorical: n.categorical,
                    onBadRows: n.setAsideBadRows ? 'set-aside' : 'reject',
                    seed: n.seed,
                  },
                  learners: n.learners,
                  candidates: s,
                  timeBudgetSeconds: n.timeBudget,
                  folds: n.folds,
                  thresholdFor: n.thresholdFor,
                  costs: { falseNegative: n.costFn, falsePositive: n.costFp },
                  gate: {
                    primaryMetric: 'roc_auc',
                    margin: n.margin,
                    floors: { roc_auc: n.minAuc },
                  },
                  register: n.register,
                  command: `champion ${process.argv.slice(2).join(' ')}`.slice(0, 500),
                  onEvent: (g) => d.update(`${g.stage}: ${g.message}`),
                  signal: c.signal,
                }),
              };
            } finally {
              d.done();
            }
          }),
          m = u.result;
        e.output.result({
          json: o,
          text: We(m, u.uri),
          data: {
            event: 'trained',
            experimentId: m.experimentId,
            runId: m.runId,
            winner: m.winner.learner,
            modelId: m.winner.modelId,
            version: m.version ?? null,
            promoted: m.decision?.promote ?? !1,
            reasons: m.decision?.reasons ?? [],
            testMetrics: m.winner.evaluated.metrics,
            threshold: m.winner.evaluated.threshold.threshold,
            candidates: m.candidates.map((h) => ({
              learner: h.learner,
              params: h.params,
              cvRocAucMean: h.meanAuc,
              cvRocAucStd: h.stdAuc,
              seconds: h.seconds,
            })),
            rows: m.rows,
            seconds: m.seconds,
            trackingUri: u.uri,
          },
        });
      });
  },
};
function Ge(i) {
  let e = i.host.current();
  return e !== void 0 ? Promise.resolve(e) : new Promise((t) => i.host.onSwap((r) => t(r)));
}
function qe(i) {
  let { model: e, url: t, mlflowUri: r } = i,
    n = r.replace(/\/+$/, '');
  return [
    `serving ${e.name} version ${e.version}${e.alias ? ` (@${e.alias})` : ''} at ${t}`,
    `  API docs:  ${t}/docs`,
    `  predict:   POST ${t}/predict   (also /invocations, /v2/models/${e.name}/infer)`,
    `  MLflow UI: ${n}/#/models/${encodeURIComponent(e.name)}/versions/${e.version}`,
  ].join(`
`);
}
async function Tr(i) {
  let { config: e, json: t, context: r } = i,
    n = r.shutdownSignal(),
    o = await Ue({ env: process.env, logger: r.logger }),
    s;
  try {
    let { startServer: a } = await import('./dist-FAPNLTUI.js');
    s = await a({ config: e, client: o.client, logger: r.logger });
    let l = s,
      d = await Promise.race([Ge(l).then((c) => ({ model: c })), n.then((c) => ({ signal: c }))]);
    if ('model' in d) {
      let { model: c } = d;
      (r.output.result({
        json: t,
        text: qe({ model: c, url: l.url, mlflowUri: o.uri }),
        data: {
          event: 'serving',
          url: l.url,
          docs: `${l.url}/docs`,
          model: c.name,
          version: c.version,
          alias: c.alias ?? null,
          trackingUri: o.uri,
        },
      }),
        await n);
    }
  } finally {
    (await s?.shutdown(), await o.close());
  }
}
var At = {
  register(i, e) {
    i.command('serve')
      .description(
        'Serve models:/NAME@ALIAS over HTTP (/predict, /invocations, /v2, /docs), swapping when the alias moves',
      )
      .option('--name <model>', 'registered model name (default: CHAMPION_MODEL_NAME)')
      .option('--alias <alias>', 'alias to follow (default: CHAMPION_MODEL_ALIAS or champion)')
      .option('--port <port>', 'port to listen on (default: PORT or 8080)', T)
      .option(
        '--host <host>',
        'interface to bind (default: HOST or 127.0.0.1; 0.0.0.0 in containers)',
      )
      .action(async (t, r) => {
        let n = r.optsWithGlobals(),
          { loadServingConfig: o } = await import('./dist-FAPNLTUI.js'),
          s = o(process.env, {
            ...(n.name === void 0 ? {} : { modelName: n.name }),
            ...(n.alias === void 0 ? {} : { modelAlias: n.alias }),
            ...(n.port === void 0 ? {} : { port: n.port }),
            ...(n.host === void 0 ? {} : { host: n.host }),
          });
        if (s.modelName === void 0)
          throw new Error(
            'Which model? Pass --name MODEL or set CHAMPION_MODEL_NAME (see `champion models list`).',
          );
        await Tr({ config: s, json: n.json === !0, context: e });
      });
  },
};
var Nr = 2e4,
  Be = 'credit-default',
  Et = {
    register(i, e) {
      i.command('demo')
        .description(
          'Run the demo on the embedded default: start MLflow (mlruns/), train the demo credit-default model on synthetic data, crown it @champion and serve it',
        )
        .option('--port <port>', 'MLflow port', T, 5e3)
        .option('--rows <n>', 'synthetic rows', v, Nr)
        .option('--serve-port <port>', 'port of the champion service', T, 8080)
        .action(async (t, r) => {
          let n = r.optsWithGlobals(),
            o = n.json === !0,
            s = e.shutdownSignal(),
            a = await e.services.mlflowUp(
              { host: '127.0.0.1', port: n.port, workers: 1 },
              e.logger,
            );
          try {
            e.output.result({
              json: o,
              text: `MLflow UI: ${a.url}`,
              data: { event: 'mlflow-ready', url: a.url },
            });
            let l = $t(P(), 'mlruns', 'demo'),
              d = $t(l, `credit-demo-${n.rows}.csv`);
            Hr(d) || (await Ir(l, { recursive: !0 }), await K({ rows: n.rows, seed: 7, out: d }));
            let c = new I({ trackingUri: a.url, logger: e.logger }),
              u = S({ json: o }),
              { train: m } = await import('./dist-FWRFKSOA.js'),
              h = await m({
                client: c,
                name: Be,
                data: { path: d, target: 'default', idColumns: ['id'], seed: 42 },
                candidates: 2,
                timeBudgetSeconds: 120,
                command: 'champion demo',
                onEvent: (E) => u.update(`${E.stage}: ${E.message}`),
              }).finally(() => u.done());
            e.output.result({
              json: o,
              text: We(h, a.url),
              data: {
                event: 'trained',
                runId: h.runId,
                version: h.version ?? null,
                promoted: h.decision?.promote ?? !1,
              },
            });
            let { loadServingConfig: g, startServer: B } = await import('./dist-FAPNLTUI.js'),
              D = g(process.env, {
                modelName: Be,
                modelAlias: 'champion',
                port: n.servePort,
                host: '127.0.0.1',
              }),
              $ = await B({ config: D, client: c, logger: e.logger });
            try {
              let E = await Ge($);
              if (
                (e.output.result({
                  json: o,
                  text: `
${qe({ model: E, url: $.url, mlflowUri: a.url })}
MLflow UI: ${a.url}  (Ctrl-C to stop)`,
                  data: {
                    event: 'ready',
                    mlflowUi: a.url,
                    docs: `${$.url}/docs`,
                    url: $.url,
                    model: `models:/${Be}@champion`,
                    version: E.version,
                  },
                }),
                (await Promise.race([s.then(() => 'signal'), a.exited.then(() => 'exited')])) ===
                  'exited')
              )
                throw new Error(`mlflow server stopped unexpectedly; see ${a.logFile}`);
            } finally {
              (await $.shutdown(), await c.close());
            }
          } finally {
            await a.stop();
          }
        });
    },
  };
async function St(i) {
  let { context: e } = i,
    t = e.shutdownSignal(),
    r = await e.services.mlflowUp(i.up, e.logger);
  (e.output.result({
    text: `MLflow UI: ${r.url}`,
    data: { event: 'ready', url: r.url, logFile: r.logFile, pid: r.pid },
    json: i.json,
  }),
    e.logger.info('press Ctrl-C to stop', { logFile: r.logFile }));
  let n = await Promise.race([t.then((o) => ({ signal: o })), r.exited.then((o) => ({ exit: o }))]);
  if ('signal' in n) {
    (e.logger.info('stopping mlflow server', { signal: n.signal }),
      await r.stop(),
      e.logger.info('mlflow server stopped'));
    return;
  }
  throw (
    await r.stop(),
    new Error(
      `mlflow server stopped unexpectedly (code ${n.exit.code}, signal ${n.exit.signal}); see ${r.logFile}.`,
    )
  );
}
var kt = {
  register(i, e) {
    i.command('mlflow')
      .description('Run the MLflow tracking server (the system of record)')
      .command('up')
      .description(
        'Provision the MLflow venv from conda.yaml and run the server in the foreground (embedded default: sqlite in mlruns/mlflow.db, artifacts in mlruns/artifacts)',
      )
      .option('--host <host>', 'interface to bind', '127.0.0.1')
      .option('--port <port>', 'port to listen on', T, 5e3)
      .option('--workers <n>', 'server worker processes', v, 1)
      .option(
        '--backend-store-uri <uri>',
        'e.g. postgresql://user@host:5432/mlflow (default: embedded sqlite)',
      )
      .option(
        '--artifacts-destination <dir-or-uri>',
        'where artifacts are stored (default: mlruns/artifacts)',
      )
      .option(
        '--allowed-hosts <list>',
        'comma-separated Host headers to accept, for containers/proxies',
        x,
      )
      .action(async (r, n) => {
        let o = n.optsWithGlobals();
        await St({
          up: {
            host: o.host,
            port: o.port,
            workers: o.workers,
            ...(o.backendStoreUri ? { backendStoreUri: o.backendStoreUri } : {}),
            ...(o.artifactsDestination ? { artifactsDestination: o.artifactsDestination } : {}),
            ...(o.allowedHosts ? { allowedHosts: o.allowedHosts } : {}),
          },
          json: o.json === !0,
          context: e,
        });
      });
  },
};
function Pt(i) {
  return i === void 0 ? '' : new Date(Number(i)).toISOString().slice(0, 19).replace('T', ' ');
}
var Tt = {
  register(i, e) {
    let t = i.command('models').description('Registered models, versions and aliases');
    (t
      .command('list')
      .description('List registered models with their aliases')
      .action(async (r, n) => {
        let { json: o } = n.optsWithGlobals();
        await A({ env: process.env, logger: e.logger }, async ({ client: s }) => {
          let a = await s.registry.models.searchAll(),
            l = a.map((d) => [
              d.name,
              d.aliases.map((c) => `@${c.alias}=v${c.version}`).join(' '),
              d.latest_versions.map((c) => c.version).sort((c, u) => Number(u) - Number(c))[0] ??
                '',
              Pt(d.last_updated_timestamp),
            ]);
          e.output.result({
            json: o === !0,
            text:
              a.length === 0
                ? 'no registered models yet: run `champion train`'
                : L(['name', 'aliases', 'latest', 'updated (UTC)'], l),
            data: {
              event: 'models',
              models: a.map((d) => ({
                name: d.name,
                aliases: d.aliases,
                updated: d.last_updated_timestamp,
              })),
            },
          });
        });
      }),
      t
        .command('show')
        .description('Show the versions of a registered model: aliases, learner, gate decisions')
        .argument('<name>', 'registered model name')
        .action(async (r, n, o) => {
          let { json: s } = o.optsWithGlobals();
          await A({ env: process.env, logger: e.logger }, async ({ client: a }) => {
            let l = await a.registry.models.get(r),
              d = await a.registry.versions.searchAll({
                filter: `name = '${r.replace(/'/g, "\\'")}'`,
              });
            d.sort((m, h) => Number(h.version) - Number(m.version));
            let c = (m, h) => m.tags.find((g) => g.key === h)?.value ?? '',
              u = d.map((m) => [
                m.version,
                m.aliases.map((h) => `@${h}`).join(' '),
                c(m, 'champion.learner'),
                c(m, 'champion.gate.candidate_roc_auc'),
                c(m, 'champion.gate.decision'),
                m.status,
                Pt(m.creation_timestamp),
              ]);
            e.output.result({
              json: s === !0,
              text: [
                `${l.name}${l.description ? `: ${l.description}` : ''}`,
                L(
                  [
                    'version',
                    'aliases',
                    'learner',
                    'test roc_auc',
                    'gate',
                    'status',
                    'created (UTC)',
                  ],
                  u,
                ),
              ].join(`
`),
              data: {
                event: 'model',
                name: l.name,
                aliases: l.aliases,
                versions: d.map((m) => ({
                  version: m.version,
                  aliases: m.aliases,
                  status: m.status,
                  source: m.source,
                  runId: m.run_id,
                  tags: Object.fromEntries(m.tags.map((h) => [h.key, h.value])),
                })),
              },
            });
          });
        }));
  },
};
function Ht(i) {
  let e = Number(i);
  if (!Number.isFinite(e)) throw new O('expected a number.');
  return e;
}
var It = {
  register(i, e) {
    i.command('promote')
      .description(
        'Run the promotion gate for a registered version: scores it and the current @champion on --data, moves @champion if it passes',
      )
      .requiredOption('--name <model>', 'registered model name')
      .requiredOption('--version <n>', 'version to promote')
      .option('--data <file>', 'held-out rows (with the target column) to compare on')
      .option('--force', 'move @champion even if the gate refuses (recorded in the version tags)')
      .option('--min-auc <auc>', 'floor: ROC AUC at least', Ht, 0.6)
      .option('--margin <delta>', 'ROC AUC improvement over the champion required', Ht, 0)
      .action(async (t, r) => {
        let n = r.optsWithGlobals(),
          { promoteVersion: o } = await import('./dist-FWRFKSOA.js'),
          s = await A({ env: process.env, logger: e.logger }, ({ client: a }) =>
            o({
              client: a,
              name: n.name,
              version: n.version,
              data: n.data,
              force: n.force,
              gate: {
                primaryMetric: 'roc_auc',
                margin: n.margin,
                floors: n.data ? { roc_auc: n.minAuc } : {},
              },
            }),
          );
        (e.output.result({
          json: n.json === !0,
          text: [
            `${n.name} v${n.version}: ${s.promote ? 'now @champion' : '@champion unchanged'}`,
            ...s.reasons.map((a) => `  ${a}`),
          ].join(`
`),
          data: {
            event: 'promotion',
            name: n.name,
            version: n.version,
            promoted: s.promote,
            reasons: s.reasons,
            figures: s.figures,
          },
        }),
          s.promote || (process.exitCode = 3));
      });
  },
};
var Mr = 4;
function jr(i) {
  let e = Number(i);
  if (!(e >= 0 && e <= 1)) throw new O('expected a share from 0 to 1.');
  return e;
}
var Nt = ['auto', 'compiled', 'onnxruntime'];
function Vr(i) {
  let e = Nt.find((t) => t === i);
  if (e === void 0) throw new O(`expected one of ${Nt.join(', ')}.`);
  return e;
}
function Lr(i) {
  try {
    return Je(i);
  } catch (e) {
    throw new O(e instanceof Error ? e.message : String(e));
  }
}
function Fr(i) {
  let e = (r) => Math.round(r).toLocaleString('en-US'),
    t = i.stages;
  return [
    `scored ${e(i.rowsScored)} of ${e(i.rowsRead)} rows (${e(i.rowsRejected)} rejected) with ${i.model.name} version ${i.model.version} in ${i.seconds.toFixed(1)}s (${e(i.rowsPerSecond)} rows/s)`,
    `stages (s): read ${t.read.toFixed(1)}, prepare ${t.prepare.toFixed(1)}, inference ${t.inference.toFixed(1)} (${i.engine}, ${i.inference} thread), write ${t.write.toFixed(1)}`,
    ...(i.engineNote === void 0 ? [] : [`onnxruntime scored because ${i.engineNote}`]),
    `output: ${i.output}`,
    `rejects: ${i.rejectFile}`,
  ].join(`
`);
}
function Dr(i) {
  return i.model.startsWith('models:/')
    ? A({ env: process.env, logger: i.context.logger }, (e) =>
        se({ model: i.model, client: e.client }),
      )
    : se({ model: i.model });
}
var Mt = {
  register(i, e) {
    i.command('score')
      .description('Score CSV/Parquet files in batch with a registered or local model')
      .requiredOption('--model <uri>', 'models:/NAME@ALIAS, models:/NAME/VERSION or a model folder')
      .requiredOption('--input <file|glob>', 'input file, or a glob in the file name (/in/*.csv)')
      .requiredOption('--output <file>', 'output file; .csv or .parquet chooses the format')
      .option('--keep <list>', 'comma-separated input columns to copy to the output', x)
      .option('--reject <file>', 'where rejected rows go (default: <output>.rejects.csv)')
      .option(
        '--max-reject-share <share>',
        'exit 4 when more than this share of rows is rejected',
        jr,
        0.01,
      )
      .option('--shard <I/N>', 'score only shard I of N (0-based; default: all rows)', Lr)
      .option(
        '--chunk-rows <n>',
        'rows per chunk where the main thread reads the file (quoted CSV, Parquet, row shards)',
        v,
        16384,
      )
      .option(
        '--engine <engine>',
        'auto: the model compiled to JavaScript when it matches onnxruntime exactly, else onnxruntime; compiled; onnxruntime',
        Vr,
        'auto',
      )
      .action(async (t, r) => {
        let n = r.optsWithGlobals(),
          o = n.json === !0,
          s = S({ json: o }),
          a = await Dr({ model: n.model, context: e }),
          l;
        try {
          l = await Ye({
            model: a.loaded,
            input: n.input,
            output: n.output,
            keep: n.keep ?? [],
            ...(n.shard === void 0 ? {} : { shard: n.shard }),
            chunkRows: n.chunkRows,
            engine: n.engine,
            releaseSession: !0,
            ...(n.reject === void 0 ? {} : { rejectFile: n.reject }),
            logger: e.logger,
            onProgress: (u) =>
              s.update(
                `${u.rowsRead.toLocaleString('en-US')} rows read, ${u.rowsRejected.toLocaleString('en-US')} rejected, ${Math.round(u.rowsRead / Math.max(u.seconds, 0.001)).toLocaleString('en-US')} rows/s`,
              ),
          });
        } finally {
          (s.done(), await a.close());
        }
        let d = l.rowsRead === 0 ? 0 : l.rowsRejected / l.rowsRead,
          c = d > n.maxRejectShare;
        if (
          (e.output.result({
            json: o,
            text: Fr(l),
            data: {
              event: 'scored',
              rowsRead: l.rowsRead,
              rowsScored: l.rowsScored,
              rowsRejected: l.rowsRejected,
              rejectShare: d,
              maxRejectShare: n.maxRejectShare,
              seconds: l.seconds,
              rowsPerSecond: l.rowsPerSecond,
              output: l.output,
              rejectFile: l.rejectFile,
              files: l.files,
              shard: `${l.shard.index}/${l.shard.count}`,
              model: l.model,
              stages: l.stages,
              inference: l.inference,
              engine: l.engine,
              readers: l.readers,
              ...(l.engineNote === void 0 ? {} : { engineNote: l.engineNote }),
            },
          }),
          c)
        ) {
          let u = `${l.rowsRejected} of ${l.rowsRead} rows (${(d * 100).toFixed(2)}%) were rejected, more than --max-reject-share ${n.maxRejectShare}; see ${l.rejectFile}`;
          throw (
            e.logger.error(u, { code: 'TOO_MANY_REJECTS' }),
            new Z(Mr, 'champion.tooManyRejects', u)
          );
        }
      });
  },
};
var jt = [Et, xt, It, At, Mt, Tt, bt, kt];
function Vt(i) {
  let e = new lt('champion')
    .description(
      'From a CSV to a monitored production classifier, with MLflow as the system of record.',
    )
    .option('--json', 'print results as JSON lines on stdout (logs always go to stderr as JSON)')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: i.writeOut ?? ((t) => process.stdout.write(t)),
      writeErr: i.writeErr ?? ((t) => process.stderr.write(t)),
    });
  for (let t of jt) t.register(e, i.context);
  return e;
}
async function Lt(i, e) {
  let t = await G({ logger: e });
  return q({
    mlflow: t.mlflow,
    host: i.host,
    port: i.port,
    workers: i.workers,
    logger: e,
    ...(i.backendStoreUri ? { backendStoreUri: i.backendStoreUri } : {}),
    ...(i.artifactsDestination ? { artifactsDestination: i.artifactsDestination } : {}),
    ...(i.allowedHosts ? { allowedHosts: i.allowedHosts } : {}),
  });
}
var Ft = { mlflowUp: Lt };
async function Ni(i) {
  let e;
  try {
    e = vt();
  } catch (n) {
    return (
      process.stderr.write(`${n instanceof Error ? n.message : String(n)}
`),
      2
    );
  }
  let t = Ct(e.LOG_LEVEL),
    r = { config: e, logger: t, output: Ot(), services: Ft, shutdownSignal: yt };
  try {
    return (await Vt({ context: r }).parseAsync([...i]), 0);
  } catch (n) {
    if (n instanceof Z) return n.exitCode;
    let o =
      W(n) || (n instanceof Error && 'code' in n && typeof n.code == 'string') ? n.code : void 0;
    return (t.error(n instanceof Error ? n.message : String(n), o ? { code: o } : {}), 1);
  }
}
export { Ni as runCli };
