import { createRequire as __cr } from 'module';
const require = __cr(import.meta.url);
import {
  b as A,
  c as gs,
  d as vn,
  f as Zt,
  g as Qt,
  i as Ie,
  j as Qe,
  t as bs,
  w as ys,
} from './chunk-NHIS47A7.js';
import { a as I, b as g } from './chunk-VCLZF4OS.js';
var ne = g((Fw, bo) => {
  'use strict';
  var jn = class t extends Error {
    constructor(e) {
      (super(`Format functions must be synchronous taking a two arguments: (info, opts)
Found: ${
        e.toString().split(`
`)[0]
      }
`),
        Error.captureStackTrace(this, t));
    }
  };
  bo.exports = (t) => {
    if (t.length > 2) throw new jn(t);
    function e(n = {}) {
      this.options = n;
    }
    e.prototype.transform = t;
    function r(n) {
      return new e(n);
    }
    return ((r.Format = e), r);
  };
});
var vo = g((Dw, _o) => {
  var wo = {};
  _o.exports = wo;
  var yo = {
    reset: [0, 0],
    bold: [1, 22],
    dim: [2, 22],
    italic: [3, 23],
    underline: [4, 24],
    inverse: [7, 27],
    hidden: [8, 28],
    strikethrough: [9, 29],
    black: [30, 39],
    red: [31, 39],
    green: [32, 39],
    yellow: [33, 39],
    blue: [34, 39],
    magenta: [35, 39],
    cyan: [36, 39],
    white: [37, 39],
    gray: [90, 39],
    grey: [90, 39],
    brightRed: [91, 39],
    brightGreen: [92, 39],
    brightYellow: [93, 39],
    brightBlue: [94, 39],
    brightMagenta: [95, 39],
    brightCyan: [96, 39],
    brightWhite: [97, 39],
    bgBlack: [40, 49],
    bgRed: [41, 49],
    bgGreen: [42, 49],
    bgYellow: [43, 49],
    bgBlue: [44, 49],
    bgMagenta: [45, 49],
    bgCyan: [46, 49],
    bgWhite: [47, 49],
    bgGray: [100, 49],
    bgGrey: [100, 49],
    bgBrightRed: [101, 49],
    bgBrightGreen: [102, 49],
    bgBrightYellow: [103, 49],
    bgBrightBlue: [104, 49],
    bgBrightMagenta: [105, 49],
    bgBrightCyan: [106, 49],
    bgBrightWhite: [107, 49],
    blackBG: [40, 49],
    redBG: [41, 49],
    greenBG: [42, 49],
    yellowBG: [43, 49],
    blueBG: [44, 49],
    magentaBG: [45, 49],
    cyanBG: [46, 49],
    whiteBG: [47, 49],
  };
  Object.keys(yo).forEach(function (t) {
    var e = yo[t],
      r = (wo[t] = []);
    ((r.open = '\x1B[' + e[0] + 'm'), (r.close = '\x1B[' + e[1] + 'm'));
  });
});
var So = g((Bw, xo) => {
  'use strict';
  xo.exports = function (t, e) {
    e = e || process.argv || [];
    var r = e.indexOf('--'),
      n = /^-{1,2}/.test(t) ? '' : '--',
      i = e.indexOf(n + t);
    return i !== -1 && (r === -1 ? !0 : i < r);
  };
});
var Oo = g((Uw, Eo) => {
  'use strict';
  var td = I('os'),
    he = So(),
    te = process.env,
    Xe = void 0;
  he('no-color') || he('no-colors') || he('color=false')
    ? (Xe = !1)
    : (he('color') || he('colors') || he('color=true') || he('color=always')) && (Xe = !0);
  'FORCE_COLOR' in te && (Xe = te.FORCE_COLOR.length === 0 || parseInt(te.FORCE_COLOR, 10) !== 0);
  function rd(t) {
    return t === 0 ? !1 : { level: t, hasBasic: !0, has256: t >= 2, has16m: t >= 3 };
  }
  function nd(t) {
    if (Xe === !1) return 0;
    if (he('color=16m') || he('color=full') || he('color=truecolor')) return 3;
    if (he('color=256')) return 2;
    if (t && !t.isTTY && Xe !== !0) return 0;
    var e = Xe ? 1 : 0;
    if (process.platform === 'win32') {
      var r = td.release().split('.');
      return Number(process.versions.node.split('.')[0]) >= 8 &&
        Number(r[0]) >= 10 &&
        Number(r[2]) >= 10586
        ? Number(r[2]) >= 14931
          ? 3
          : 2
        : 1;
    }
    if ('CI' in te)
      return ['TRAVIS', 'CIRCLECI', 'APPVEYOR', 'GITLAB_CI'].some(function (i) {
        return i in te;
      }) || te.CI_NAME === 'codeship'
        ? 1
        : e;
    if ('TEAMCITY_VERSION' in te)
      return /^(9\.(0*[1-9]\d*)\.|\d{2,}\.)/.test(te.TEAMCITY_VERSION) ? 1 : 0;
    if ('TERM_PROGRAM' in te) {
      var n = parseInt((te.TERM_PROGRAM_VERSION || '').split('.')[0], 10);
      switch (te.TERM_PROGRAM) {
        case 'iTerm.app':
          return n >= 3 ? 3 : 2;
        case 'Hyper':
          return 3;
        case 'Apple_Terminal':
          return 2;
      }
    }
    return /-256(color)?$/i.test(te.TERM)
      ? 2
      : /^screen|^xterm|^vt100|^rxvt|color|ansi|cygwin|linux/i.test(te.TERM) || 'COLORTERM' in te
        ? 1
        : (te.TERM === 'dumb', e);
  }
  function Ln(t) {
    var e = nd(t);
    return rd(e);
  }
  Eo.exports = { supportsColor: Ln, stdout: Ln(process.stdout), stderr: Ln(process.stderr) };
});
var ko = g((Ww, Mo) => {
  Mo.exports = function (e, r) {
    var n = '';
    ((e = e || 'Run the trap, drop the bass'), (e = e.split('')));
    var i = {
      a: ['@', '\u0104', '\u023A', '\u0245', '\u0394', '\u039B', '\u0414'],
      b: ['\xDF', '\u0181', '\u0243', '\u026E', '\u03B2', '\u0E3F'],
      c: ['\xA9', '\u023B', '\u03FE'],
      d: ['\xD0', '\u018A', '\u0500', '\u0501', '\u0502', '\u0503'],
      e: ['\xCB', '\u0115', '\u018E', '\u0258', '\u03A3', '\u03BE', '\u04BC', '\u0A6C'],
      f: ['\u04FA'],
      g: ['\u0262'],
      h: ['\u0126', '\u0195', '\u04A2', '\u04BA', '\u04C7', '\u050A'],
      i: ['\u0F0F'],
      j: ['\u0134'],
      k: ['\u0138', '\u04A0', '\u04C3', '\u051E'],
      l: ['\u0139'],
      m: ['\u028D', '\u04CD', '\u04CE', '\u0520', '\u0521', '\u0D69'],
      n: ['\xD1', '\u014B', '\u019D', '\u0376', '\u03A0', '\u048A'],
      o: ['\xD8', '\xF5', '\xF8', '\u01FE', '\u0298', '\u047A', '\u05DD', '\u06DD', '\u0E4F'],
      p: ['\u01F7', '\u048E'],
      q: ['\u09CD'],
      r: ['\xAE', '\u01A6', '\u0210', '\u024C', '\u0280', '\u042F'],
      s: ['\xA7', '\u03DE', '\u03DF', '\u03E8'],
      t: ['\u0141', '\u0166', '\u0373'],
      u: ['\u01B1', '\u054D'],
      v: ['\u05D8'],
      w: ['\u0428', '\u0460', '\u047C', '\u0D70'],
      x: ['\u04B2', '\u04FE', '\u04FC', '\u04FD'],
      y: ['\xA5', '\u04B0', '\u04CB'],
      z: ['\u01B5', '\u0240'],
    };
    return (
      e.forEach(function (s) {
        s = s.toLowerCase();
        var o = i[s] || [' '],
          a = Math.floor(Math.random() * o.length);
        typeof i[s] < 'u' ? (n += i[s][a]) : (n += s);
      }),
      n
    );
  };
});
var To = g((zw, Ro) => {
  Ro.exports = function (e, r) {
    e = e || '   he is here   ';
    var n = {
        up: [
          '\u030D',
          '\u030E',
          '\u0304',
          '\u0305',
          '\u033F',
          '\u0311',
          '\u0306',
          '\u0310',
          '\u0352',
          '\u0357',
          '\u0351',
          '\u0307',
          '\u0308',
          '\u030A',
          '\u0342',
          '\u0313',
          '\u0308',
          '\u034A',
          '\u034B',
          '\u034C',
          '\u0303',
          '\u0302',
          '\u030C',
          '\u0350',
          '\u0300',
          '\u0301',
          '\u030B',
          '\u030F',
          '\u0312',
          '\u0313',
          '\u0314',
          '\u033D',
          '\u0309',
          '\u0363',
          '\u0364',
          '\u0365',
          '\u0366',
          '\u0367',
          '\u0368',
          '\u0369',
          '\u036A',
          '\u036B',
          '\u036C',
          '\u036D',
          '\u036E',
          '\u036F',
          '\u033E',
          '\u035B',
          '\u0346',
          '\u031A',
        ],
        down: [
          '\u0316',
          '\u0317',
          '\u0318',
          '\u0319',
          '\u031C',
          '\u031D',
          '\u031E',
          '\u031F',
          '\u0320',
          '\u0324',
          '\u0325',
          '\u0326',
          '\u0329',
          '\u032A',
          '\u032B',
          '\u032C',
          '\u032D',
          '\u032E',
          '\u032F',
          '\u0330',
          '\u0331',
          '\u0332',
          '\u0333',
          '\u0339',
          '\u033A',
          '\u033B',
          '\u033C',
          '\u0345',
          '\u0347',
          '\u0348',
          '\u0349',
          '\u034D',
          '\u034E',
          '\u0353',
          '\u0354',
          '\u0355',
          '\u0356',
          '\u0359',
          '\u035A',
          '\u0323',
        ],
        mid: [
          '\u0315',
          '\u031B',
          '\u0300',
          '\u0301',
          '\u0358',
          '\u0321',
          '\u0322',
          '\u0327',
          '\u0328',
          '\u0334',
          '\u0335',
          '\u0336',
          '\u035C',
          '\u035D',
          '\u035E',
          '\u035F',
          '\u0360',
          '\u0362',
          '\u0338',
          '\u0337',
          '\u0361',
          ' \u0489',
        ],
      },
      i = [].concat(n.up, n.down, n.mid);
    function s(l) {
      var u = Math.floor(Math.random() * l);
      return u;
    }
    function o(l) {
      var u = !1;
      return (
        i.filter(function (d) {
          u = d === l;
        }),
        u
      );
    }
    function a(l, u) {
      var d = '',
        f,
        h;
      ((u = u || {}),
        (u.up = typeof u.up < 'u' ? u.up : !0),
        (u.mid = typeof u.mid < 'u' ? u.mid : !0),
        (u.down = typeof u.down < 'u' ? u.down : !0),
        (u.size = typeof u.size < 'u' ? u.size : 'maxi'),
        (l = l.split('')));
      for (h in l)
        if (!o(h)) {
          switch (((d = d + l[h]), (f = { up: 0, down: 0, mid: 0 }), u.size)) {
            case 'mini':
              ((f.up = s(8)), (f.mid = s(2)), (f.down = s(8)));
              break;
            case 'maxi':
              ((f.up = s(16) + 3), (f.mid = s(4) + 1), (f.down = s(64) + 3));
              break;
            default:
              ((f.up = s(8) + 1), (f.mid = s(6) / 2), (f.down = s(8) + 1));
              break;
          }
          var b = ['up', 'mid', 'down'];
          for (var c in b)
            for (var p = b[c], w = 0; w <= f[p]; w++) u[p] && (d = d + n[p][s(n[p].length)]);
        }
      return d;
    }
    return a(e, r);
  };
});
var Ao = g((Hw, No) => {
  No.exports = function (t) {
    return function (e, r, n) {
      if (e === ' ') return e;
      switch (r % 3) {
        case 0:
          return t.red(e);
        case 1:
          return t.white(e);
        case 2:
          return t.blue(e);
      }
    };
  };
});
var $o = g((Gw, qo) => {
  qo.exports = function (t) {
    return function (e, r, n) {
      return r % 2 === 0 ? e : t.inverse(e);
    };
  };
});
var Lo = g((Vw, jo) => {
  jo.exports = function (t) {
    var e = ['red', 'yellow', 'green', 'blue', 'magenta'];
    return function (r, n, i) {
      return r === ' ' ? r : t[e[n++ % e.length]](r);
    };
  };
});
var Po = g((Yw, Io) => {
  Io.exports = function (t) {
    var e = [
      'underline',
      'inverse',
      'grey',
      'yellow',
      'red',
      'green',
      'blue',
      'white',
      'cyan',
      'magenta',
      'brightYellow',
      'brightRed',
      'brightGreen',
      'brightBlue',
      'brightWhite',
      'brightCyan',
      'brightMagenta',
    ];
    return function (r, n, i) {
      return r === ' ' ? r : t[e[Math.round(Math.random() * (e.length - 2))]](r);
    };
  };
});
var Wo = g((Jw, Uo) => {
  var N = {};
  Uo.exports = N;
  N.themes = {};
  var id = I('util'),
    Fe = (N.styles = vo()),
    Fo = Object.defineProperties,
    sd = new RegExp(/[\r\n]+/g);
  N.supportsColor = Oo().supportsColor;
  typeof N.enabled > 'u' && (N.enabled = N.supportsColor() !== !1);
  N.enable = function () {
    N.enabled = !0;
  };
  N.disable = function () {
    N.enabled = !1;
  };
  N.stripColors = N.strip = function (t) {
    return ('' + t).replace(/\x1B\[\d+m/g, '');
  };
  var Kw = (N.stylize = function (e, r) {
      if (!N.enabled) return e + '';
      var n = Fe[r];
      return !n && r in N ? N[r](e) : n.open + e + n.close;
    }),
    od = /[|\\{}()[\]^$+*?.]/g,
    ad = function (t) {
      if (typeof t != 'string') throw new TypeError('Expected a string');
      return t.replace(od, '\\$&');
    };
  function Do(t) {
    var e = function r() {
      return ud.apply(r, arguments);
    };
    return ((e._styles = t), (e.__proto__ = ld), e);
  }
  var Bo = (function () {
      var t = {};
      return (
        (Fe.grey = Fe.gray),
        Object.keys(Fe).forEach(function (e) {
          ((Fe[e].closeRe = new RegExp(ad(Fe[e].close), 'g')),
            (t[e] = {
              get: function () {
                return Do(this._styles.concat(e));
              },
            }));
        }),
        t
      );
    })(),
    ld = Fo(function () {}, Bo);
  function ud() {
    var t = Array.prototype.slice.call(arguments),
      e = t
        .map(function (o) {
          return o != null && o.constructor === String ? o : id.inspect(o);
        })
        .join(' ');
    if (!N.enabled || !e) return e;
    for (
      var r =
          e.indexOf(`
`) != -1,
        n = this._styles,
        i = n.length;
      i--;
    ) {
      var s = Fe[n[i]];
      ((e = s.open + e.replace(s.closeRe, s.open) + s.close),
        r &&
          (e = e.replace(sd, function (o) {
            return s.close + o + s.open;
          })));
    }
    return e;
  }
  N.setTheme = function (t) {
    if (typeof t == 'string') {
      console.log(
        "colors.setTheme now only accepts an object, not a string.  If you are trying to set a theme from a file, it is now your (the caller's) responsibility to require the file.  The old syntax looked like colors.setTheme(__dirname + '/../themes/generic-logging.js'); The new syntax looks like colors.setTheme(require(__dirname + '/../themes/generic-logging.js'));",
      );
      return;
    }
    for (var e in t)
      (function (r) {
        N[r] = function (n) {
          if (typeof t[r] == 'object') {
            var i = n;
            for (var s in t[r]) i = N[t[r][s]](i);
            return i;
          }
          return N[t[r]](n);
        };
      })(e);
  };
  function cd() {
    var t = {};
    return (
      Object.keys(Bo).forEach(function (e) {
        t[e] = {
          get: function () {
            return Do([e]);
          },
        };
      }),
      t
    );
  }
  var fd = function (e, r) {
    var n = r.split('');
    return ((n = n.map(e)), n.join(''));
  };
  N.trap = ko();
  N.zalgo = To();
  N.maps = {};
  N.maps.america = Ao()(N);
  N.maps.zebra = $o()(N);
  N.maps.rainbow = Lo()(N);
  N.maps.random = Po()(N);
  for (Co in N.maps)
    (function (t) {
      N[t] = function (e) {
        return fd(N.maps[t], e);
      };
    })(Co);
  var Co;
  Fo(N, cd());
});
var In = g((Zw, zo) => {
  var dd = Wo();
  zo.exports = dd;
});
var Ho = g((Pn) => {
  'use strict';
  Pn.levels = {
    error: 0,
    warn: 1,
    help: 2,
    data: 3,
    info: 4,
    debug: 5,
    prompt: 6,
    verbose: 7,
    input: 8,
    silly: 9,
  };
  Pn.colors = {
    error: 'red',
    warn: 'yellow',
    help: 'cyan',
    data: 'grey',
    info: 'green',
    debug: 'blue',
    prompt: 'grey',
    verbose: 'cyan',
    input: 'grey',
    silly: 'magenta',
  };
});
var Go = g((Cn) => {
  'use strict';
  Cn.levels = { error: 0, warn: 1, info: 2, http: 3, verbose: 4, debug: 5, silly: 6 };
  Cn.colors = {
    error: 'red',
    warn: 'yellow',
    info: 'green',
    http: 'green',
    verbose: 'cyan',
    debug: 'blue',
    silly: 'magenta',
  };
});
var Vo = g((Fn) => {
  'use strict';
  Fn.levels = { emerg: 0, alert: 1, crit: 2, error: 3, warning: 4, notice: 5, info: 6, debug: 7 };
  Fn.colors = {
    emerg: 'red',
    alert: 'yellow',
    crit: 'red',
    error: 'red',
    warning: 'red',
    notice: 'yellow',
    info: 'green',
    debug: 'blue',
  };
});
var Yo = g((br) => {
  'use strict';
  Object.defineProperty(br, 'cli', { value: Ho() });
  Object.defineProperty(br, 'npm', { value: Go() });
  Object.defineProperty(br, 'syslog', { value: Vo() });
});
var V = g((xt) => {
  'use strict';
  Object.defineProperty(xt, 'LEVEL', { value: Symbol.for('level') });
  Object.defineProperty(xt, 'MESSAGE', { value: Symbol.for('message') });
  Object.defineProperty(xt, 'SPLAT', { value: Symbol.for('splat') });
  Object.defineProperty(xt, 'configs', { value: Yo() });
});
var _r = g((n1, wr) => {
  'use strict';
  var Un = In(),
    { LEVEL: Dn, MESSAGE: Bn } = V();
  Un.enabled = !0;
  var Ko = /\s+/,
    yr = class t {
      constructor(e = {}) {
        (e.colors && this.addColors(e.colors), (this.options = e));
      }
      static addColors(e) {
        let r = Object.keys(e).reduce(
          (n, i) => ((n[i] = Ko.test(e[i]) ? e[i].split(Ko) : e[i]), n),
          {},
        );
        return ((t.allColors = Object.assign({}, t.allColors || {}, r)), t.allColors);
      }
      addColors(e) {
        return t.addColors(e);
      }
      colorize(e, r, n) {
        if ((typeof n > 'u' && (n = r), !Array.isArray(t.allColors[e])))
          return Un[t.allColors[e]](n);
        for (let i = 0, s = t.allColors[e].length; i < s; i++) n = Un[t.allColors[e][i]](n);
        return n;
      }
      transform(e, r) {
        return (
          r.all && typeof e[Bn] == 'string' && (e[Bn] = this.colorize(e[Dn], e.level, e[Bn])),
          (r.level || r.all || !r.message) && (e.level = this.colorize(e[Dn], e.level)),
          (r.all || r.message) && (e.message = this.colorize(e[Dn], e.level, e.message)),
          e
        );
      }
    };
  wr.exports = (t) => new yr(t);
  wr.exports.Colorizer = wr.exports.Format = yr;
});
var Zo = g((i1, Jo) => {
  'use strict';
  var { Colorizer: hd } = _r();
  Jo.exports = (t) => (hd.addColors(t.colors || t), t);
});
var Xo = g((s1, Qo) => {
  'use strict';
  var pd = ne();
  Qo.exports = pd((t) => ((t.message = `	${t.message}`), t));
});
var ra = g((o1, ta) => {
  'use strict';
  var md = ne(),
    { LEVEL: ea, MESSAGE: Wn } = V();
  ta.exports = md((t, { stack: e, cause: r }) => {
    if (t instanceof Error) {
      let i = Object.assign({}, t, {
        level: t.level,
        [ea]: t[ea] || t.level,
        message: t.message,
        [Wn]: t[Wn] || t.message,
      });
      return (e && (i.stack = t.stack), r && (i.cause = t.cause), i);
    }
    if (!(t.message instanceof Error)) return t;
    let n = t.message;
    return (
      Object.assign(t, n),
      (t.message = n.message),
      (t[Wn] = n.message),
      e && (t.stack = n.stack),
      r && (t.cause = n.cause),
      t
    );
  });
});
var Hn = g((a1, xr) => {
  'use strict';
  var { configs: gd, LEVEL: na, MESSAGE: zn } = V(),
    vr = class t {
      constructor(e = { levels: gd.npm.levels }) {
        ((this.paddings = t.paddingForLevels(e.levels, e.filler)), (this.options = e));
      }
      static getLongestLevel(e) {
        let r = Object.keys(e).map((n) => n.length);
        return Math.max(...r);
      }
      static paddingForLevel(e, r, n) {
        let i = n + 1 - e.length,
          s = Math.floor(i / r.length);
        return `${r}${r.repeat(s)}`.slice(0, i);
      }
      static paddingForLevels(e, r = ' ') {
        let n = t.getLongestLevel(e);
        return Object.keys(e).reduce((i, s) => ((i[s] = t.paddingForLevel(s, r, n)), i), {});
      }
      transform(e, r) {
        return (
          (e.message = `${this.paddings[e[na]]}${e.message}`),
          e[zn] && (e[zn] = `${this.paddings[e[na]]}${e[zn]}`),
          e
        );
      }
    };
  xr.exports = (t) => new vr(t);
  xr.exports.Padder = xr.exports.Format = vr;
});
var ia = g((l1, Gn) => {
  'use strict';
  var { Colorizer: bd } = _r(),
    { Padder: yd } = Hn(),
    { configs: wd, MESSAGE: _d } = V(),
    Sr = class {
      constructor(e = {}) {
        (e.levels || (e.levels = wd.cli.levels),
          (this.colorizer = new bd(e)),
          (this.padder = new yd(e)),
          (this.options = e));
      }
      transform(e, r) {
        return (
          this.colorizer.transform(this.padder.transform(e, r), r),
          (e[_d] = `${e.level}:${e.message}`),
          e
        );
      }
    };
  Gn.exports = (t) => new Sr(t);
  Gn.exports.Format = Sr;
});
var oa = g((u1, Vn) => {
  'use strict';
  var vd = ne();
  function sa(t) {
    if (t.every(xd))
      return (e) => {
        let r = e;
        for (let n = 0; n < t.length; n++)
          if (((r = t[n].transform(r, t[n].options)), !r)) return !1;
        return r;
      };
  }
  function xd(t) {
    if (typeof t.transform != 'function')
      throw new Error(
        [
          'No transform function found on format. Did you create a format instance?',
          'const myFormat = format(formatFn);',
          'const instance = myFormat();',
        ].join(`
`),
      );
    return !0;
  }
  Vn.exports = (...t) => {
    let e = vd(sa(t)),
      r = e();
    return ((r.Format = e.Format), r);
  };
  Vn.exports.cascade = sa;
});
var Et = g((Zn, ua) => {
  'use strict';
  var { hasOwnProperty: St } = Object.prototype,
    Be = Jn();
  Be.configure = Jn;
  Be.stringify = Be;
  Be.default = Be;
  Zn.stringify = Be;
  Zn.configure = Jn;
  ua.exports = Be;
  var Sd = /[\u0000-\u001f\u0022\u005c\ud800-\udfff]/;
  function ke(t) {
    return t.length < 5e3 && !Sd.test(t) ? `"${t}"` : JSON.stringify(t);
  }
  function Yn(t, e) {
    if (t.length > 200 || e) return t.sort(e);
    for (let r = 1; r < t.length; r++) {
      let n = t[r],
        i = r;
      for (; i !== 0 && t[i - 1] > n;) ((t[i] = t[i - 1]), i--);
      t[i] = n;
    }
    return t;
  }
  var Ed = Object.getOwnPropertyDescriptor(
    Object.getPrototypeOf(Object.getPrototypeOf(new Int8Array())),
    Symbol.toStringTag,
  ).get;
  function Kn(t) {
    return Ed.call(t) !== void 0 && t.length !== 0;
  }
  function aa(t, e, r) {
    t.length < r && (r = t.length);
    let n = e === ',' ? '' : ' ',
      i = `"0":${n}${t[0]}`;
    for (let s = 1; s < r; s++) i += `${e}"${s}":${n}${t[s]}`;
    return i;
  }
  function Od(t) {
    if (St.call(t, 'circularValue')) {
      let e = t.circularValue;
      if (typeof e == 'string') return `"${e}"`;
      if (e == null) return e;
      if (e === Error || e === TypeError)
        return {
          toString() {
            throw new TypeError('Converting circular structure to JSON');
          },
        };
      throw new TypeError(
        'The "circularValue" argument must be of type string or the value null or undefined',
      );
    }
    return '"[Circular]"';
  }
  function Md(t) {
    let e;
    if (
      St.call(t, 'deterministic') &&
      ((e = t.deterministic), typeof e != 'boolean' && typeof e != 'function')
    )
      throw new TypeError(
        'The "deterministic" argument must be of type boolean or comparator function',
      );
    return e === void 0 ? !0 : e;
  }
  function kd(t, e) {
    let r;
    if (St.call(t, e) && ((r = t[e]), typeof r != 'boolean'))
      throw new TypeError(`The "${e}" argument must be of type boolean`);
    return r === void 0 ? !0 : r;
  }
  function la(t, e) {
    let r;
    if (St.call(t, e)) {
      if (((r = t[e]), typeof r != 'number'))
        throw new TypeError(`The "${e}" argument must be of type number`);
      if (!Number.isInteger(r)) throw new TypeError(`The "${e}" argument must be an integer`);
      if (r < 1) throw new RangeError(`The "${e}" argument must be >= 1`);
    }
    return r === void 0 ? 1 / 0 : r;
  }
  function De(t) {
    return t === 1 ? '1 item' : `${t} items`;
  }
  function Rd(t) {
    let e = new Set();
    for (let r of t) (typeof r == 'string' || typeof r == 'number') && e.add(String(r));
    return e;
  }
  function Td(t) {
    if (St.call(t, 'strict')) {
      let e = t.strict;
      if (typeof e != 'boolean')
        throw new TypeError('The "strict" argument must be of type boolean');
      if (e)
        return (r) => {
          let n = `Object can not safely be stringified. Received type ${typeof r}`;
          throw (typeof r != 'function' && (n += ` (${r.toString()})`), new Error(n));
        };
    }
  }
  function Jn(t) {
    t = { ...t };
    let e = Td(t);
    e &&
      (t.bigint === void 0 && (t.bigint = !1), 'circularValue' in t || (t.circularValue = Error));
    let r = Od(t),
      n = kd(t, 'bigint'),
      i = Md(t),
      s = typeof i == 'function' ? i : void 0,
      o = la(t, 'maximumDepth'),
      a = la(t, 'maximumBreadth');
    function l(b, c, p, w, y, S) {
      let v = c[b];
      switch (
        (typeof v == 'object' && v !== null && typeof v.toJSON == 'function' && (v = v.toJSON(b)),
        (v = w.call(c, b, v)),
        typeof v)
      ) {
        case 'string':
          return ke(v);
        case 'object': {
          if (v === null) return 'null';
          if (p.indexOf(v) !== -1) return r;
          let O = '',
            $ = ',',
            j = S;
          if (Array.isArray(v)) {
            if (v.length === 0) return '[]';
            if (o < p.length + 1) return '"[Array]"';
            (p.push(v),
              y !== '' &&
                ((S += y),
                (O += `
${S}`),
                ($ = `,
${S}`)));
            let F = Math.min(v.length, a),
              U = 0;
            for (; U < F - 1; U++) {
              let se = l(String(U), v, p, w, y, S);
              ((O += se !== void 0 ? se : 'null'), (O += $));
            }
            let G = l(String(U), v, p, w, y, S);
            if (((O += G !== void 0 ? G : 'null'), v.length - 1 > a)) {
              let se = v.length - a - 1;
              O += `${$}"... ${De(se)} not stringified"`;
            }
            return (
              y !== '' &&
                (O += `
${j}`),
              p.pop(),
              `[${O}]`
            );
          }
          let T = Object.keys(v),
            C = T.length;
          if (C === 0) return '{}';
          if (o < p.length + 1) return '"[Object]"';
          let k = '',
            L = '';
          y !== '' &&
            ((S += y),
            ($ = `,
${S}`),
            (k = ' '));
          let B = Math.min(C, a);
          (i && !Kn(v) && (T = Yn(T, s)), p.push(v));
          for (let F = 0; F < B; F++) {
            let U = T[F],
              G = l(U, v, p, w, y, S);
            G !== void 0 && ((O += `${L}${ke(U)}:${k}${G}`), (L = $));
          }
          if (C > a) {
            let F = C - a;
            ((O += `${L}"...":${k}"${De(F)} not stringified"`), (L = $));
          }
          return (
            y !== '' &&
              L.length > 1 &&
              (O = `
${S}${O}
${j}`),
            p.pop(),
            `{${O}}`
          );
        }
        case 'number':
          return isFinite(v) ? String(v) : e ? e(v) : 'null';
        case 'boolean':
          return v === !0 ? 'true' : 'false';
        case 'undefined':
          return;
        case 'bigint':
          if (n) return String(v);
        default:
          return e ? e(v) : void 0;
      }
    }
    function u(b, c, p, w, y, S) {
      switch (
        (typeof c == 'object' && c !== null && typeof c.toJSON == 'function' && (c = c.toJSON(b)),
        typeof c)
      ) {
        case 'string':
          return ke(c);
        case 'object': {
          if (c === null) return 'null';
          if (p.indexOf(c) !== -1) return r;
          let v = S,
            O = '',
            $ = ',';
          if (Array.isArray(c)) {
            if (c.length === 0) return '[]';
            if (o < p.length + 1) return '"[Array]"';
            (p.push(c),
              y !== '' &&
                ((S += y),
                (O += `
${S}`),
                ($ = `,
${S}`)));
            let C = Math.min(c.length, a),
              k = 0;
            for (; k < C - 1; k++) {
              let B = u(String(k), c[k], p, w, y, S);
              ((O += B !== void 0 ? B : 'null'), (O += $));
            }
            let L = u(String(k), c[k], p, w, y, S);
            if (((O += L !== void 0 ? L : 'null'), c.length - 1 > a)) {
              let B = c.length - a - 1;
              O += `${$}"... ${De(B)} not stringified"`;
            }
            return (
              y !== '' &&
                (O += `
${v}`),
              p.pop(),
              `[${O}]`
            );
          }
          p.push(c);
          let j = '';
          y !== '' &&
            ((S += y),
            ($ = `,
${S}`),
            (j = ' '));
          let T = '';
          for (let C of w) {
            let k = u(C, c[C], p, w, y, S);
            k !== void 0 && ((O += `${T}${ke(C)}:${j}${k}`), (T = $));
          }
          return (
            y !== '' &&
              T.length > 1 &&
              (O = `
${S}${O}
${v}`),
            p.pop(),
            `{${O}}`
          );
        }
        case 'number':
          return isFinite(c) ? String(c) : e ? e(c) : 'null';
        case 'boolean':
          return c === !0 ? 'true' : 'false';
        case 'undefined':
          return;
        case 'bigint':
          if (n) return String(c);
        default:
          return e ? e(c) : void 0;
      }
    }
    function d(b, c, p, w, y) {
      switch (typeof c) {
        case 'string':
          return ke(c);
        case 'object': {
          if (c === null) return 'null';
          if (typeof c.toJSON == 'function') {
            if (((c = c.toJSON(b)), typeof c != 'object')) return d(b, c, p, w, y);
            if (c === null) return 'null';
          }
          if (p.indexOf(c) !== -1) return r;
          let S = y;
          if (Array.isArray(c)) {
            if (c.length === 0) return '[]';
            if (o < p.length + 1) return '"[Array]"';
            (p.push(c), (y += w));
            let k = `
${y}`,
              L = `,
${y}`,
              B = Math.min(c.length, a),
              F = 0;
            for (; F < B - 1; F++) {
              let G = d(String(F), c[F], p, w, y);
              ((k += G !== void 0 ? G : 'null'), (k += L));
            }
            let U = d(String(F), c[F], p, w, y);
            if (((k += U !== void 0 ? U : 'null'), c.length - 1 > a)) {
              let G = c.length - a - 1;
              k += `${L}"... ${De(G)} not stringified"`;
            }
            return (
              (k += `
${S}`),
              p.pop(),
              `[${k}]`
            );
          }
          let v = Object.keys(c),
            O = v.length;
          if (O === 0) return '{}';
          if (o < p.length + 1) return '"[Object]"';
          y += w;
          let $ = `,
${y}`,
            j = '',
            T = '',
            C = Math.min(O, a);
          (Kn(c) && ((j += aa(c, $, a)), (v = v.slice(c.length)), (C -= c.length), (T = $)),
            i && (v = Yn(v, s)),
            p.push(c));
          for (let k = 0; k < C; k++) {
            let L = v[k],
              B = d(L, c[L], p, w, y);
            B !== void 0 && ((j += `${T}${ke(L)}: ${B}`), (T = $));
          }
          if (O > a) {
            let k = O - a;
            ((j += `${T}"...": "${De(k)} not stringified"`), (T = $));
          }
          return (
            T !== '' &&
              (j = `
${y}${j}
${S}`),
            p.pop(),
            `{${j}}`
          );
        }
        case 'number':
          return isFinite(c) ? String(c) : e ? e(c) : 'null';
        case 'boolean':
          return c === !0 ? 'true' : 'false';
        case 'undefined':
          return;
        case 'bigint':
          if (n) return String(c);
        default:
          return e ? e(c) : void 0;
      }
    }
    function f(b, c, p) {
      switch (typeof c) {
        case 'string':
          return ke(c);
        case 'object': {
          if (c === null) return 'null';
          if (typeof c.toJSON == 'function') {
            if (((c = c.toJSON(b)), typeof c != 'object')) return f(b, c, p);
            if (c === null) return 'null';
          }
          if (p.indexOf(c) !== -1) return r;
          let w = '',
            y = c.length !== void 0;
          if (y && Array.isArray(c)) {
            if (c.length === 0) return '[]';
            if (o < p.length + 1) return '"[Array]"';
            p.push(c);
            let j = Math.min(c.length, a),
              T = 0;
            for (; T < j - 1; T++) {
              let k = f(String(T), c[T], p);
              ((w += k !== void 0 ? k : 'null'), (w += ','));
            }
            let C = f(String(T), c[T], p);
            if (((w += C !== void 0 ? C : 'null'), c.length - 1 > a)) {
              let k = c.length - a - 1;
              w += `,"... ${De(k)} not stringified"`;
            }
            return (p.pop(), `[${w}]`);
          }
          let S = Object.keys(c),
            v = S.length;
          if (v === 0) return '{}';
          if (o < p.length + 1) return '"[Object]"';
          let O = '',
            $ = Math.min(v, a);
          (y &&
            Kn(c) &&
            ((w += aa(c, ',', a)), (S = S.slice(c.length)), ($ -= c.length), (O = ',')),
            i && (S = Yn(S, s)),
            p.push(c));
          for (let j = 0; j < $; j++) {
            let T = S[j],
              C = f(T, c[T], p);
            C !== void 0 && ((w += `${O}${ke(T)}:${C}`), (O = ','));
          }
          if (v > a) {
            let j = v - a;
            w += `${O}"...":"${De(j)} not stringified"`;
          }
          return (p.pop(), `{${w}}`);
        }
        case 'number':
          return isFinite(c) ? String(c) : e ? e(c) : 'null';
        case 'boolean':
          return c === !0 ? 'true' : 'false';
        case 'undefined':
          return;
        case 'bigint':
          if (n) return String(c);
        default:
          return e ? e(c) : void 0;
      }
    }
    function h(b, c, p) {
      if (arguments.length > 1) {
        let w = '';
        if (
          (typeof p == 'number'
            ? (w = ' '.repeat(Math.min(p, 10)))
            : typeof p == 'string' && (w = p.slice(0, 10)),
          c != null)
        ) {
          if (typeof c == 'function') return l('', { '': b }, [], c, w, '');
          if (Array.isArray(c)) return u('', b, [], Rd(c), w, '');
        }
        if (w.length !== 0) return d('', b, [], w, '');
      }
      return f('', b, []);
    }
    return h;
  }
});
var Qn = g((c1, ca) => {
  'use strict';
  var Nd = ne(),
    { MESSAGE: Ad } = V(),
    qd = Et();
  function $d(t, e) {
    return typeof e == 'bigint' ? e.toString() : e;
  }
  ca.exports = Nd((t, e) => {
    let r = qd.configure(e);
    return ((t[Ad] = r(t, e.replacer || $d, e.space)), t);
  });
});
var da = g((f1, fa) => {
  'use strict';
  var jd = ne();
  fa.exports = jd((t, e) =>
    e.message ? ((t.message = `[${e.label}] ${t.message}`), t) : ((t.label = e.label), t),
  );
});
var pa = g((d1, ha) => {
  'use strict';
  var Ld = ne(),
    { MESSAGE: Id } = V(),
    Pd = Et();
  ha.exports = Ld((t) => {
    let e = {};
    return (
      t.message && ((e['@message'] = t.message), delete t.message),
      t.timestamp && ((e['@timestamp'] = t.timestamp), delete t.timestamp),
      (e['@fields'] = t),
      (t[Id] = Pd(e)),
      t
    );
  });
});
var ga = g((h1, ma) => {
  'use strict';
  var Cd = ne();
  function Fd(t, e, r) {
    let n = e.reduce((s, o) => ((s[o] = t[o]), delete t[o], s), {}),
      i = Object.keys(t).reduce((s, o) => ((s[o] = t[o]), delete t[o], s), {});
    return (Object.assign(t, n, { [r]: i }), t);
  }
  function Dd(t, e, r) {
    return ((t[r] = e.reduce((n, i) => ((n[i] = t[i]), delete t[i], n), {})), t);
  }
  ma.exports = Cd((t, e = {}) => {
    let r = 'metadata';
    e.key && (r = e.key);
    let n = [];
    return (
      !e.fillExcept && !e.fillWith && (n.push('level'), n.push('message')),
      e.fillExcept && (n = e.fillExcept),
      n.length > 0 ? Fd(t, n, r) : e.fillWith ? Dd(t, e.fillWith, r) : t
    );
  });
});
var ya = g((p1, ba) => {
  var et = 1e3,
    tt = et * 60,
    rt = tt * 60,
    Ue = rt * 24,
    Bd = Ue * 7,
    Ud = Ue * 365.25;
  ba.exports = function (t, e) {
    e = e || {};
    var r = typeof t;
    if (r === 'string' && t.length > 0) return Wd(t);
    if (r === 'number' && isFinite(t)) return e.long ? Hd(t) : zd(t);
    throw new Error('val is not a non-empty string or a valid number. val=' + JSON.stringify(t));
  };
  function Wd(t) {
    if (((t = String(t)), !(t.length > 100))) {
      var e =
        /^(-?(?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)?$/i.exec(
          t,
        );
      if (e) {
        var r = parseFloat(e[1]),
          n = (e[2] || 'ms').toLowerCase();
        switch (n) {
          case 'years':
          case 'year':
          case 'yrs':
          case 'yr':
          case 'y':
            return r * Ud;
          case 'weeks':
          case 'week':
          case 'w':
            return r * Bd;
          case 'days':
          case 'day':
          case 'd':
            return r * Ue;
          case 'hours':
          case 'hour':
          case 'hrs':
          case 'hr':
          case 'h':
            return r * rt;
          case 'minutes':
          case 'minute':
          case 'mins':
          case 'min':
          case 'm':
            return r * tt;
          case 'seconds':
          case 'second':
          case 'secs':
          case 'sec':
          case 's':
            return r * et;
          case 'milliseconds':
          case 'millisecond':
          case 'msecs':
          case 'msec':
          case 'ms':
            return r;
          default:
            return;
        }
      }
    }
  }
  function zd(t) {
    var e = Math.abs(t);
    return e >= Ue
      ? Math.round(t / Ue) + 'd'
      : e >= rt
        ? Math.round(t / rt) + 'h'
        : e >= tt
          ? Math.round(t / tt) + 'm'
          : e >= et
            ? Math.round(t / et) + 's'
            : t + 'ms';
  }
  function Hd(t) {
    var e = Math.abs(t);
    return e >= Ue
      ? Er(t, e, Ue, 'day')
      : e >= rt
        ? Er(t, e, rt, 'hour')
        : e >= tt
          ? Er(t, e, tt, 'minute')
          : e >= et
            ? Er(t, e, et, 'second')
            : t + ' ms';
  }
  function Er(t, e, r, n) {
    var i = e >= r * 1.5;
    return Math.round(t / r) + ' ' + n + (i ? 's' : '');
  }
});
var _a = g((Ot, wa) => {
  'use strict';
  var Gd = ne(),
    Vd = ya();
  wa.exports = Gd((t) => {
    let e = +new Date();
    return ((Ot.diff = e - (Ot.prevTime || e)), (Ot.prevTime = e), (t.ms = `+${Vd(Ot.diff)}`), t);
  });
});
var Sa = g((m1, xa) => {
  'use strict';
  var Yd = I('util').inspect,
    Kd = ne(),
    { LEVEL: Jd, MESSAGE: va, SPLAT: Zd } = V();
  xa.exports = Kd((t, e = {}) => {
    let r = Object.assign({}, t);
    return (
      delete r[Jd],
      delete r[va],
      delete r[Zd],
      (t[va] = Yd(r, !1, e.depth || null, e.colorize)),
      t
    );
  });
});
var Ea = g((g1, Mr) => {
  'use strict';
  var { MESSAGE: Qd } = V(),
    Or = class {
      constructor(e) {
        this.template = e;
      }
      transform(e) {
        return ((e[Qd] = this.template(e)), e);
      }
    };
  Mr.exports = (t) => new Or(t);
  Mr.exports.Printf = Mr.exports.Format = Or;
});
var ka = g((b1, Ma) => {
  'use strict';
  var Xd = ne(),
    { MESSAGE: Oa } = V(),
    eh = Et();
  Ma.exports = Xd((t) => {
    let e = eh(Object.assign({}, t, { level: void 0, message: void 0, splat: void 0 })),
      r = (t.padding && t.padding[t.level]) || '';
    return (
      e !== '{}'
        ? (t[Oa] = `${t.level}:${r} ${t.message} ${e}`)
        : (t[Oa] = `${t.level}:${r} ${t.message}`),
      t
    );
  });
});
var Na = g((y1, Ta) => {
  'use strict';
  var th = I('util'),
    { SPLAT: Ra } = V(),
    rh = /%[scdjifoO%]/g,
    nh = /%%/g,
    Xn = class {
      constructor(e) {
        this.options = e;
      }
      _splat(e, r) {
        let n = e.message,
          i = e[Ra] || e.splat || [],
          s = n.match(nh),
          o = (s && s.length) || 0,
          l = r.length - o - i.length,
          u = l < 0 ? i.splice(l, -1 * l) : [],
          d = u.length;
        if (d) for (let f = 0; f < d; f++) Object.assign(e, u[f]);
        return ((e.message = th.format(n, ...i)), e);
      }
      transform(e) {
        let r = e.message,
          n = e[Ra] || e.splat;
        if (!n || !n.length) return e;
        let i = r && r.match && r.match(rh);
        if (!i && (n || n.length)) {
          let s = n.length > 1 ? n.splice(0) : n,
            o = s.length;
          if (o) for (let a = 0; a < o; a++) Object.assign(e, s[a]);
          return e;
        }
        return i ? this._splat(e, i) : e;
      }
    };
  Ta.exports = (t) => new Xn(t);
});
var qa = g((kr, Aa) => {
  (function (t, e) {
    typeof kr == 'object' && typeof Aa < 'u'
      ? e(kr)
      : typeof define == 'function' && define.amd
        ? define(['exports'], e)
        : e((t.fecha = {}));
  })(kr, function (t) {
    'use strict';
    var e = /d{1,4}|M{1,4}|YY(?:YY)?|S{1,3}|Do|ZZ|Z|([HhMsDm])\1?|[aA]|"[^"]*"|'[^']*'/g,
      r = '\\d\\d?',
      n = '\\d\\d',
      i = '\\d{3}',
      s = '\\d{4}',
      o = '[^\\s]+',
      a = /\[([^]*?)\]/gm;
    function l(m, x) {
      for (var P = [], ee = 0, E = m.length; ee < E; ee++) P.push(m[ee].substr(0, x));
      return P;
    }
    var u = function (m) {
      return function (x, P) {
        var ee = P[m].map(function (ge) {
            return ge.toLowerCase();
          }),
          E = ee.indexOf(x.toLowerCase());
        return E > -1 ? E : null;
      };
    };
    function d(m) {
      for (var x = [], P = 1; P < arguments.length; P++) x[P - 1] = arguments[P];
      for (var ee = 0, E = x; ee < E.length; ee++) {
        var ge = E[ee];
        for (var Le in ge) m[Le] = ge[Le];
      }
      return m;
    }
    var f = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
      h = [
        'January',
        'February',
        'March',
        'April',
        'May',
        'June',
        'July',
        'August',
        'September',
        'October',
        'November',
        'December',
      ],
      b = l(h, 3),
      c = l(f, 3),
      p = {
        dayNamesShort: c,
        dayNames: f,
        monthNamesShort: b,
        monthNames: h,
        amPm: ['am', 'pm'],
        DoFn: function (m) {
          return (
            m + ['th', 'st', 'nd', 'rd'][m % 10 > 3 ? 0 : ((m - (m % 10) !== 10 ? 1 : 0) * m) % 10]
          );
        },
      },
      w = d({}, p),
      y = function (m) {
        return (w = d(w, m));
      },
      S = function (m) {
        return m.replace(/[|\\{()[^$+*?.-]/g, '\\$&');
      },
      v = function (m, x) {
        for (x === void 0 && (x = 2), m = String(m); m.length < x;) m = '0' + m;
        return m;
      },
      O = {
        D: function (m) {
          return String(m.getDate());
        },
        DD: function (m) {
          return v(m.getDate());
        },
        Do: function (m, x) {
          return x.DoFn(m.getDate());
        },
        d: function (m) {
          return String(m.getDay());
        },
        dd: function (m) {
          return v(m.getDay());
        },
        ddd: function (m, x) {
          return x.dayNamesShort[m.getDay()];
        },
        dddd: function (m, x) {
          return x.dayNames[m.getDay()];
        },
        M: function (m) {
          return String(m.getMonth() + 1);
        },
        MM: function (m) {
          return v(m.getMonth() + 1);
        },
        MMM: function (m, x) {
          return x.monthNamesShort[m.getMonth()];
        },
        MMMM: function (m, x) {
          return x.monthNames[m.getMonth()];
        },
        YY: function (m) {
          return v(String(m.getFullYear()), 4).substr(2);
        },
        YYYY: function (m) {
          return v(m.getFullYear(), 4);
        },
        h: function (m) {
          return String(m.getHours() % 12 || 12);
        },
        hh: function (m) {
          return v(m.getHours() % 12 || 12);
        },
        H: function (m) {
          return String(m.getHours());
        },
        HH: function (m) {
          return v(m.getHours());
        },
        m: function (m) {
          return String(m.getMinutes());
        },
        mm: function (m) {
          return v(m.getMinutes());
        },
        s: function (m) {
          return String(m.getSeconds());
        },
        ss: function (m) {
          return v(m.getSeconds());
        },
        S: function (m) {
          return String(Math.round(m.getMilliseconds() / 100));
        },
        SS: function (m) {
          return v(Math.round(m.getMilliseconds() / 10), 2);
        },
        SSS: function (m) {
          return v(m.getMilliseconds(), 3);
        },
        a: function (m, x) {
          return m.getHours() < 12 ? x.amPm[0] : x.amPm[1];
        },
        A: function (m, x) {
          return m.getHours() < 12 ? x.amPm[0].toUpperCase() : x.amPm[1].toUpperCase();
        },
        ZZ: function (m) {
          var x = m.getTimezoneOffset();
          return (
            (x > 0 ? '-' : '+') + v(Math.floor(Math.abs(x) / 60) * 100 + (Math.abs(x) % 60), 4)
          );
        },
        Z: function (m) {
          var x = m.getTimezoneOffset();
          return (
            (x > 0 ? '-' : '+') + v(Math.floor(Math.abs(x) / 60), 2) + ':' + v(Math.abs(x) % 60, 2)
          );
        },
      },
      $ = function (m) {
        return +m - 1;
      },
      j = [null, r],
      T = [null, o],
      C = [
        'isPm',
        o,
        function (m, x) {
          var P = m.toLowerCase();
          return P === x.amPm[0] ? 0 : P === x.amPm[1] ? 1 : null;
        },
      ],
      k = [
        'timezoneOffset',
        '[^\\s]*?[\\+\\-]\\d\\d:?\\d\\d|[^\\s]*?Z?',
        function (m) {
          var x = (m + '').match(/([+-]|\d\d)/gi);
          if (x) {
            var P = +x[1] * 60 + parseInt(x[2], 10);
            return x[0] === '+' ? P : -P;
          }
          return 0;
        },
      ],
      L = {
        D: ['day', r],
        DD: ['day', n],
        Do: [
          'day',
          r + o,
          function (m) {
            return parseInt(m, 10);
          },
        ],
        M: ['month', r, $],
        MM: ['month', n, $],
        YY: [
          'year',
          n,
          function (m) {
            var x = new Date(),
              P = +('' + x.getFullYear()).substr(0, 2);
            return +('' + (+m > 68 ? P - 1 : P) + m);
          },
        ],
        h: ['hour', r, void 0, 'isPm'],
        hh: ['hour', n, void 0, 'isPm'],
        H: ['hour', r],
        HH: ['hour', n],
        m: ['minute', r],
        mm: ['minute', n],
        s: ['second', r],
        ss: ['second', n],
        YYYY: ['year', s],
        S: [
          'millisecond',
          '\\d',
          function (m) {
            return +m * 100;
          },
        ],
        SS: [
          'millisecond',
          n,
          function (m) {
            return +m * 10;
          },
        ],
        SSS: ['millisecond', i],
        d: j,
        dd: j,
        ddd: T,
        dddd: T,
        MMM: ['month', o, u('monthNamesShort')],
        MMMM: ['month', o, u('monthNames')],
        a: C,
        A: C,
        ZZ: k,
        Z: k,
      },
      B = {
        default: 'ddd MMM DD YYYY HH:mm:ss',
        shortDate: 'M/D/YY',
        mediumDate: 'MMM D, YYYY',
        longDate: 'MMMM D, YYYY',
        fullDate: 'dddd, MMMM D, YYYY',
        isoDate: 'YYYY-MM-DD',
        isoDateTime: 'YYYY-MM-DDTHH:mm:ssZ',
        shortTime: 'HH:mm',
        mediumTime: 'HH:mm:ss',
        longTime: 'HH:mm:ss.SSS',
      },
      F = function (m) {
        return d(B, m);
      },
      U = function (m, x, P) {
        if (
          (x === void 0 && (x = B.default),
          P === void 0 && (P = {}),
          typeof m == 'number' && (m = new Date(m)),
          Object.prototype.toString.call(m) !== '[object Date]' || isNaN(m.getTime()))
        )
          throw new Error('Invalid Date pass to format');
        x = B[x] || x;
        var ee = [];
        x = x.replace(a, function (ge, Le) {
          return (ee.push(Le), '@@@');
        });
        var E = d(d({}, w), P);
        return (
          (x = x.replace(e, function (ge) {
            return O[ge](m, E);
          })),
          x.replace(/@@@/g, function () {
            return ee.shift();
          })
        );
      };
    function G(m, x, P) {
      if ((P === void 0 && (P = {}), typeof x != 'string'))
        throw new Error('Invalid format in fecha parse');
      if (((x = B[x] || x), m.length > 1e3)) return null;
      var ee = new Date(),
        E = {
          year: ee.getFullYear(),
          month: 0,
          day: 1,
          hour: 0,
          minute: 0,
          second: 0,
          millisecond: 0,
          isPm: null,
          timezoneOffset: null,
        },
        ge = [],
        Le = [],
        pt = x.replace(a, function (mt, Ze) {
          return (Le.push(S(Ze)), '@@@');
        }),
        Vt = {},
        fs = {};
      ((pt = S(pt).replace(e, function (mt) {
        var Ze = L[mt],
          _n = Ze[0],
          Gc = Ze[1],
          ms = Ze[3];
        if (Vt[_n]) throw new Error('Invalid format. ' + _n + ' specified twice in format');
        return ((Vt[_n] = !0), ms && (fs[ms] = !0), ge.push(Ze), '(' + Gc + ')');
      })),
        Object.keys(fs).forEach(function (mt) {
          if (!Vt[mt])
            throw new Error('Invalid format. ' + mt + ' is required in specified format');
        }),
        (pt = pt.replace(/@@@/g, function () {
          return Le.shift();
        })));
      var Yt = m.match(new RegExp(pt, 'i'));
      if (!Yt) return null;
      for (var Wc = d(d({}, w), P), fe = 1; fe < Yt.length; fe++) {
        var ds = ge[fe - 1],
          zc = ds[0],
          hs = ds[2],
          ps = hs ? hs(Yt[fe], Wc) : +Yt[fe];
        if (ps == null) return null;
        E[zc] = ps;
      }
      E.isPm === 1 && E.hour != null && +E.hour != 12
        ? (E.hour = +E.hour + 12)
        : E.isPm === 0 && +E.hour == 12 && (E.hour = 0);
      var Kt;
      if (E.timezoneOffset == null) {
        Kt = new Date(E.year, E.month, E.day, E.hour, E.minute, E.second, E.millisecond);
        for (
          var Jt = [
              ['month', 'getMonth'],
              ['day', 'getDate'],
              ['hour', 'getHours'],
              ['minute', 'getMinutes'],
              ['second', 'getSeconds'],
            ],
            fe = 0,
            Hc = Jt.length;
          fe < Hc;
          fe++
        )
          if (Vt[Jt[fe][0]] && E[Jt[fe][0]] !== Kt[Jt[fe][1]]()) return null;
      } else if (
        ((Kt = new Date(
          Date.UTC(
            E.year,
            E.month,
            E.day,
            E.hour,
            E.minute - E.timezoneOffset,
            E.second,
            E.millisecond,
          ),
        )),
        E.month > 11 ||
          E.month < 0 ||
          E.day > 31 ||
          E.day < 1 ||
          E.hour > 23 ||
          E.hour < 0 ||
          E.minute > 59 ||
          E.minute < 0 ||
          E.second > 59 ||
          E.second < 0)
      )
        return null;
      return Kt;
    }
    var se = { format: U, parse: G, defaultI18n: p, setGlobalDateI18n: y, setGlobalDateMasks: F };
    ((t.assign = d),
      (t.default = se),
      (t.format = U),
      (t.parse = G),
      (t.defaultI18n = p),
      (t.setGlobalDateI18n = y),
      (t.setGlobalDateMasks = F),
      Object.defineProperty(t, '__esModule', { value: !0 }));
  });
});
var ja = g((w1, $a) => {
  'use strict';
  var ih = qa(),
    sh = ne();
  $a.exports = sh(
    (t, e = {}) => (
      e.format &&
        (t.timestamp =
          typeof e.format == 'function' ? e.format() : ih.format(new Date(), e.format)),
      t.timestamp || (t.timestamp = new Date().toISOString()),
      e.alias && (t[e.alias] = t.timestamp),
      t
    ),
  );
});
var Ia = g((_1, La) => {
  'use strict';
  var ei = In(),
    oh = ne(),
    { MESSAGE: ti } = V();
  La.exports = oh(
    (t, e) => (
      e.level !== !1 && (t.level = ei.strip(t.level)),
      e.message !== !1 && (t.message = ei.strip(String(t.message))),
      e.raw !== !1 && t[ti] && (t[ti] = ei.strip(String(t[ti]))),
      t
    ),
  );
});
var ni = g((ri) => {
  'use strict';
  var ah = (ri.format = ne());
  ri.levels = Zo();
  function X(t, e) {
    Object.defineProperty(ah, t, {
      get() {
        return e();
      },
      configurable: !0,
    });
  }
  X('align', function () {
    return Xo();
  });
  X('errors', function () {
    return ra();
  });
  X('cli', function () {
    return ia();
  });
  X('combine', function () {
    return oa();
  });
  X('colorize', function () {
    return _r();
  });
  X('json', function () {
    return Qn();
  });
  X('label', function () {
    return da();
  });
  X('logstash', function () {
    return pa();
  });
  X('metadata', function () {
    return ga();
  });
  X('ms', function () {
    return _a();
  });
  X('padLevels', function () {
    return Hn();
  });
  X('prettyPrint', function () {
    return Sa();
  });
  X('printf', function () {
    return Ea();
  });
  X('simple', function () {
    return ka();
  });
  X('splat', function () {
    return Na();
  });
  X('timestamp', function () {
    return ja();
  });
  X('uncolorize', function () {
    return Ia();
  });
});
var ii = g((Rr) => {
  'use strict';
  var { format: Pa } = I('util');
  Rr.warn = {
    deprecated(t) {
      return () => {
        throw new Error(Pa('{ %s } was removed in winston@3.0.0.', t));
      };
    },
    useFormat(t) {
      return () => {
        throw new Error(
          [
            Pa('{ %s } was removed in winston@3.0.0.', t),
            'Use a custom winston.format = winston.format(function) instead.',
          ].join(`
`),
        );
      };
    },
    forFunctions(t, e, r) {
      r.forEach((n) => {
        t[n] = Rr.warn[e](n);
      });
    },
    forProperties(t, e, r) {
      r.forEach((n) => {
        let i = Rr.warn[e](n);
        Object.defineProperty(t, n, { get: i, set: i });
      });
    },
  };
});
var Ca = g((S1, lh) => {
  lh.exports = {
    name: 'winston',
    description: 'A logger for just about everything.',
    version: '3.19.0',
    author: 'Charlie Robbins <charlie.robbins@gmail.com>',
    maintainers: ['David Hyde <dabh@alumni.stanford.edu>'],
    repository: { type: 'git', url: 'https://github.com/winstonjs/winston.git' },
    keywords: [
      'winston',
      'logger',
      'logging',
      'logs',
      'sysadmin',
      'bunyan',
      'pino',
      'loglevel',
      'tools',
      'json',
      'stream',
    ],
    dependencies: {
      '@dabh/diagnostics': '^2.0.8',
      '@colors/colors': '^1.6.0',
      async: '^3.2.3',
      'is-stream': '^2.0.0',
      logform: '^2.7.0',
      'one-time': '^1.0.0',
      'readable-stream': '^3.4.0',
      'safe-stable-stringify': '^2.3.1',
      'stack-trace': '0.0.x',
      'triple-beam': '^1.3.0',
      'winston-transport': '^4.9.0',
    },
    devDependencies: {
      '@babel/cli': '^7.23.9',
      '@babel/core': '^7.24.0',
      '@babel/preset-env': '^7.24.0',
      '@dabh/eslint-config-populist': '^4.4.0',
      '@types/node': '^20.11.24',
      'abstract-winston-transport': '^0.5.1',
      assume: '^2.2.0',
      'cross-spawn-async': '^2.2.5',
      eslint: '^8.57.0',
      hock: '^1.4.1',
      jest: '^29.7.0',
      rimraf: '5.0.10',
      split2: '^4.1.0',
      'std-mocks': '^2.0.0',
      through2: '^4.0.2',
      'winston-compat': '^0.1.5',
    },
    main: './lib/winston.js',
    browser: './dist/winston',
    types: './index.d.ts',
    scripts: {
      lint: 'eslint lib/*.js lib/winston/*.js lib/winston/**/*.js --resolve-plugins-relative-to ./node_modules/@dabh/eslint-config-populist',
      test: 'jest',
      'test:unit': 'jest -c test/jest.config.unit.js',
      'test:integration': 'jest -c test/jest.config.integration.js',
      'test:typescript': 'npx --package typescript tsc --project test',
      build: 'babel lib -d dist',
      prebuild: 'rimraf dist',
      prepublishOnly: 'npm run build',
    },
    engines: { node: '>= 12.0.0' },
    license: 'MIT',
  };
});
var Da = g((E1, Fa) => {
  Fa.exports = I('util').deprecate;
});
var si = g((O1, Ba) => {
  Ba.exports = I('stream');
});
var ai = g((M1, Wa) => {
  'use strict';
  function uh(t, e) {
    var r = this,
      n = this._readableState && this._readableState.destroyed,
      i = this._writableState && this._writableState.destroyed;
    return n || i
      ? (e
          ? e(t)
          : t &&
            (this._writableState
              ? this._writableState.errorEmitted ||
                ((this._writableState.errorEmitted = !0), process.nextTick(oi, this, t))
              : process.nextTick(oi, this, t)),
        this)
      : (this._readableState && (this._readableState.destroyed = !0),
        this._writableState && (this._writableState.destroyed = !0),
        this._destroy(t || null, function (s) {
          !e && s
            ? r._writableState
              ? r._writableState.errorEmitted
                ? process.nextTick(Tr, r)
                : ((r._writableState.errorEmitted = !0), process.nextTick(Ua, r, s))
              : process.nextTick(Ua, r, s)
            : e
              ? (process.nextTick(Tr, r), e(s))
              : process.nextTick(Tr, r);
        }),
        this);
  }
  function Ua(t, e) {
    (oi(t, e), Tr(t));
  }
  function Tr(t) {
    (t._writableState && !t._writableState.emitClose) ||
      (t._readableState && !t._readableState.emitClose) ||
      t.emit('close');
  }
  function ch() {
    (this._readableState &&
      ((this._readableState.destroyed = !1),
      (this._readableState.reading = !1),
      (this._readableState.ended = !1),
      (this._readableState.endEmitted = !1)),
      this._writableState &&
        ((this._writableState.destroyed = !1),
        (this._writableState.ended = !1),
        (this._writableState.ending = !1),
        (this._writableState.finalCalled = !1),
        (this._writableState.prefinished = !1),
        (this._writableState.finished = !1),
        (this._writableState.errorEmitted = !1)));
  }
  function oi(t, e) {
    t.emit('error', e);
  }
  function fh(t, e) {
    var r = t._readableState,
      n = t._writableState;
    (r && r.autoDestroy) || (n && n.autoDestroy) ? t.destroy(e) : t.emit('error', e);
  }
  Wa.exports = { destroy: uh, undestroy: ch, errorOrDestroy: fh };
});
var Re = g((k1, Ga) => {
  'use strict';
  var Ha = {};
  function ue(t, e, r) {
    r || (r = Error);
    function n(s, o, a) {
      return typeof e == 'string' ? e : e(s, o, a);
    }
    class i extends r {
      constructor(o, a, l) {
        super(n(o, a, l));
      }
    }
    ((i.prototype.name = r.name), (i.prototype.code = t), (Ha[t] = i));
  }
  function za(t, e) {
    if (Array.isArray(t)) {
      let r = t.length;
      return (
        (t = t.map((n) => String(n))),
        r > 2
          ? `one of ${e} ${t.slice(0, r - 1).join(', ')}, or ` + t[r - 1]
          : r === 2
            ? `one of ${e} ${t[0]} or ${t[1]}`
            : `of ${e} ${t[0]}`
      );
    } else return `of ${e} ${String(t)}`;
  }
  function dh(t, e, r) {
    return t.substr(!r || r < 0 ? 0 : +r, e.length) === e;
  }
  function hh(t, e, r) {
    return ((r === void 0 || r > t.length) && (r = t.length), t.substring(r - e.length, r) === e);
  }
  function ph(t, e, r) {
    return (typeof r != 'number' && (r = 0), r + e.length > t.length ? !1 : t.indexOf(e, r) !== -1);
  }
  ue(
    'ERR_INVALID_OPT_VALUE',
    function (t, e) {
      return 'The value "' + e + '" is invalid for option "' + t + '"';
    },
    TypeError,
  );
  ue(
    'ERR_INVALID_ARG_TYPE',
    function (t, e, r) {
      let n;
      typeof e == 'string' && dh(e, 'not ')
        ? ((n = 'must not be'), (e = e.replace(/^not /, '')))
        : (n = 'must be');
      let i;
      if (hh(t, ' argument')) i = `The ${t} ${n} ${za(e, 'type')}`;
      else {
        let s = ph(t, '.') ? 'property' : 'argument';
        i = `The "${t}" ${s} ${n} ${za(e, 'type')}`;
      }
      return ((i += `. Received type ${typeof r}`), i);
    },
    TypeError,
  );
  ue('ERR_STREAM_PUSH_AFTER_EOF', 'stream.push() after EOF');
  ue('ERR_METHOD_NOT_IMPLEMENTED', function (t) {
    return 'The ' + t + ' method is not implemented';
  });
  ue('ERR_STREAM_PREMATURE_CLOSE', 'Premature close');
  ue('ERR_STREAM_DESTROYED', function (t) {
    return 'Cannot call ' + t + ' after a stream was destroyed';
  });
  ue('ERR_MULTIPLE_CALLBACK', 'Callback called multiple times');
  ue('ERR_STREAM_CANNOT_PIPE', 'Cannot pipe, not readable');
  ue('ERR_STREAM_WRITE_AFTER_END', 'write after end');
  ue('ERR_STREAM_NULL_VALUES', 'May not write null values to stream', TypeError);
  ue(
    'ERR_UNKNOWN_ENCODING',
    function (t) {
      return 'Unknown encoding: ' + t;
    },
    TypeError,
  );
  ue('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', 'stream.unshift() after end event');
  Ga.exports.codes = Ha;
});
var li = g((R1, Va) => {
  'use strict';
  var mh = Re().codes.ERR_INVALID_OPT_VALUE;
  function gh(t, e, r) {
    return t.highWaterMark != null ? t.highWaterMark : e ? t[r] : null;
  }
  function bh(t, e, r, n) {
    var i = gh(e, n, r);
    if (i != null) {
      if (!(isFinite(i) && Math.floor(i) === i) || i < 0) {
        var s = n ? r : 'highWaterMark';
        throw new mh(s, i);
      }
      return Math.floor(i);
    }
    return t.objectMode ? 16 : 16 * 1024;
  }
  Va.exports = { getHighWaterMark: bh };
});
var Ya = g((T1, ui) => {
  typeof Object.create == 'function'
    ? (ui.exports = function (e, r) {
        r &&
          ((e.super_ = r),
          (e.prototype = Object.create(r.prototype, {
            constructor: { value: e, enumerable: !1, writable: !0, configurable: !0 },
          })));
      })
    : (ui.exports = function (e, r) {
        if (r) {
          e.super_ = r;
          var n = function () {};
          ((n.prototype = r.prototype), (e.prototype = new n()), (e.prototype.constructor = e));
        }
      });
});
var nt = g((N1, fi) => {
  try {
    if (((ci = I('util')), typeof ci.inherits != 'function')) throw '';
    fi.exports = ci.inherits;
  } catch {
    fi.exports = Ya();
  }
  var ci;
});
var el = g((A1, Xa) => {
  'use strict';
  function Ka(t, e) {
    var r = Object.keys(t);
    if (Object.getOwnPropertySymbols) {
      var n = Object.getOwnPropertySymbols(t);
      (e &&
        (n = n.filter(function (i) {
          return Object.getOwnPropertyDescriptor(t, i).enumerable;
        })),
        r.push.apply(r, n));
    }
    return r;
  }
  function Ja(t) {
    for (var e = 1; e < arguments.length; e++) {
      var r = arguments[e] != null ? arguments[e] : {};
      e % 2
        ? Ka(Object(r), !0).forEach(function (n) {
            yh(t, n, r[n]);
          })
        : Object.getOwnPropertyDescriptors
          ? Object.defineProperties(t, Object.getOwnPropertyDescriptors(r))
          : Ka(Object(r)).forEach(function (n) {
              Object.defineProperty(t, n, Object.getOwnPropertyDescriptor(r, n));
            });
    }
    return t;
  }
  function yh(t, e, r) {
    return (
      (e = Qa(e)),
      e in t
        ? Object.defineProperty(t, e, { value: r, enumerable: !0, configurable: !0, writable: !0 })
        : (t[e] = r),
      t
    );
  }
  function wh(t, e) {
    if (!(t instanceof e)) throw new TypeError('Cannot call a class as a function');
  }
  function Za(t, e) {
    for (var r = 0; r < e.length; r++) {
      var n = e[r];
      ((n.enumerable = n.enumerable || !1),
        (n.configurable = !0),
        'value' in n && (n.writable = !0),
        Object.defineProperty(t, Qa(n.key), n));
    }
  }
  function _h(t, e, r) {
    return (
      e && Za(t.prototype, e),
      r && Za(t, r),
      Object.defineProperty(t, 'prototype', { writable: !1 }),
      t
    );
  }
  function Qa(t) {
    var e = vh(t, 'string');
    return typeof e == 'symbol' ? e : String(e);
  }
  function vh(t, e) {
    if (typeof t != 'object' || t === null) return t;
    var r = t[Symbol.toPrimitive];
    if (r !== void 0) {
      var n = r.call(t, e || 'default');
      if (typeof n != 'object') return n;
      throw new TypeError('@@toPrimitive must return a primitive value.');
    }
    return (e === 'string' ? String : Number)(t);
  }
  var xh = I('buffer'),
    Nr = xh.Buffer,
    Sh = I('util'),
    di = Sh.inspect,
    Eh = (di && di.custom) || 'inspect';
  function Oh(t, e, r) {
    Nr.prototype.copy.call(t, e, r);
  }
  Xa.exports = (function () {
    function t() {
      (wh(this, t), (this.head = null), (this.tail = null), (this.length = 0));
    }
    return (
      _h(t, [
        {
          key: 'push',
          value: function (r) {
            var n = { data: r, next: null };
            (this.length > 0 ? (this.tail.next = n) : (this.head = n),
              (this.tail = n),
              ++this.length);
          },
        },
        {
          key: 'unshift',
          value: function (r) {
            var n = { data: r, next: this.head };
            (this.length === 0 && (this.tail = n), (this.head = n), ++this.length);
          },
        },
        {
          key: 'shift',
          value: function () {
            if (this.length !== 0) {
              var r = this.head.data;
              return (
                this.length === 1 ? (this.head = this.tail = null) : (this.head = this.head.next),
                --this.length,
                r
              );
            }
          },
        },
        {
          key: 'clear',
          value: function () {
            ((this.head = this.tail = null), (this.length = 0));
          },
        },
        {
          key: 'join',
          value: function (r) {
            if (this.length === 0) return '';
            for (var n = this.head, i = '' + n.data; (n = n.next);) i += r + n.data;
            return i;
          },
        },
        {
          key: 'concat',
          value: function (r) {
            if (this.length === 0) return Nr.alloc(0);
            for (var n = Nr.allocUnsafe(r >>> 0), i = this.head, s = 0; i;)
              (Oh(i.data, n, s), (s += i.data.length), (i = i.next));
            return n;
          },
        },
        {
          key: 'consume',
          value: function (r, n) {
            var i;
            return (
              r < this.head.data.length
                ? ((i = this.head.data.slice(0, r)), (this.head.data = this.head.data.slice(r)))
                : r === this.head.data.length
                  ? (i = this.shift())
                  : (i = n ? this._getString(r) : this._getBuffer(r)),
              i
            );
          },
        },
        {
          key: 'first',
          value: function () {
            return this.head.data;
          },
        },
        {
          key: '_getString',
          value: function (r) {
            var n = this.head,
              i = 1,
              s = n.data;
            for (r -= s.length; (n = n.next);) {
              var o = n.data,
                a = r > o.length ? o.length : r;
              if ((a === o.length ? (s += o) : (s += o.slice(0, r)), (r -= a), r === 0)) {
                a === o.length
                  ? (++i, n.next ? (this.head = n.next) : (this.head = this.tail = null))
                  : ((this.head = n), (n.data = o.slice(a)));
                break;
              }
              ++i;
            }
            return ((this.length -= i), s);
          },
        },
        {
          key: '_getBuffer',
          value: function (r) {
            var n = Nr.allocUnsafe(r),
              i = this.head,
              s = 1;
            for (i.data.copy(n), r -= i.data.length; (i = i.next);) {
              var o = i.data,
                a = r > o.length ? o.length : r;
              if ((o.copy(n, n.length - r, 0, a), (r -= a), r === 0)) {
                a === o.length
                  ? (++s, i.next ? (this.head = i.next) : (this.head = this.tail = null))
                  : ((this.head = i), (i.data = o.slice(a)));
                break;
              }
              ++s;
            }
            return ((this.length -= s), n);
          },
        },
        {
          key: Eh,
          value: function (r, n) {
            return di(this, Ja(Ja({}, n), {}, { depth: 0, customInspect: !1 }));
          },
        },
      ]),
      t
    );
  })();
});
var nl = g((hi, rl) => {
  var Ar = I('buffer'),
    ye = Ar.Buffer;
  function tl(t, e) {
    for (var r in t) e[r] = t[r];
  }
  ye.from && ye.alloc && ye.allocUnsafe && ye.allocUnsafeSlow
    ? (rl.exports = Ar)
    : (tl(Ar, hi), (hi.Buffer = We));
  function We(t, e, r) {
    return ye(t, e, r);
  }
  We.prototype = Object.create(ye.prototype);
  tl(ye, We);
  We.from = function (t, e, r) {
    if (typeof t == 'number') throw new TypeError('Argument must not be a number');
    return ye(t, e, r);
  };
  We.alloc = function (t, e, r) {
    if (typeof t != 'number') throw new TypeError('Argument must be a number');
    var n = ye(t);
    return (e !== void 0 ? (typeof r == 'string' ? n.fill(e, r) : n.fill(e)) : n.fill(0), n);
  };
  We.allocUnsafe = function (t) {
    if (typeof t != 'number') throw new TypeError('Argument must be a number');
    return ye(t);
  };
  We.allocUnsafeSlow = function (t) {
    if (typeof t != 'number') throw new TypeError('Argument must be a number');
    return Ar.SlowBuffer(t);
  };
});
var gi = g((sl) => {
  'use strict';
  var mi = nl().Buffer,
    il =
      mi.isEncoding ||
      function (t) {
        switch (((t = '' + t), t && t.toLowerCase())) {
          case 'hex':
          case 'utf8':
          case 'utf-8':
          case 'ascii':
          case 'binary':
          case 'base64':
          case 'ucs2':
          case 'ucs-2':
          case 'utf16le':
          case 'utf-16le':
          case 'raw':
            return !0;
          default:
            return !1;
        }
      };
  function Mh(t) {
    if (!t) return 'utf8';
    for (var e; ;)
      switch (t) {
        case 'utf8':
        case 'utf-8':
          return 'utf8';
        case 'ucs2':
        case 'ucs-2':
        case 'utf16le':
        case 'utf-16le':
          return 'utf16le';
        case 'latin1':
        case 'binary':
          return 'latin1';
        case 'base64':
        case 'ascii':
        case 'hex':
          return t;
        default:
          if (e) return;
          ((t = ('' + t).toLowerCase()), (e = !0));
      }
  }
  function kh(t) {
    var e = Mh(t);
    if (typeof e != 'string' && (mi.isEncoding === il || !il(t)))
      throw new Error('Unknown encoding: ' + t);
    return e || t;
  }
  sl.StringDecoder = Mt;
  function Mt(t) {
    this.encoding = kh(t);
    var e;
    switch (this.encoding) {
      case 'utf16le':
        ((this.text = $h), (this.end = jh), (e = 4));
        break;
      case 'utf8':
        ((this.fillLast = Nh), (e = 4));
        break;
      case 'base64':
        ((this.text = Lh), (this.end = Ih), (e = 3));
        break;
      default:
        ((this.write = Ph), (this.end = Ch));
        return;
    }
    ((this.lastNeed = 0), (this.lastTotal = 0), (this.lastChar = mi.allocUnsafe(e)));
  }
  Mt.prototype.write = function (t) {
    if (t.length === 0) return '';
    var e, r;
    if (this.lastNeed) {
      if (((e = this.fillLast(t)), e === void 0)) return '';
      ((r = this.lastNeed), (this.lastNeed = 0));
    } else r = 0;
    return r < t.length ? (e ? e + this.text(t, r) : this.text(t, r)) : e || '';
  };
  Mt.prototype.end = qh;
  Mt.prototype.text = Ah;
  Mt.prototype.fillLast = function (t) {
    if (this.lastNeed <= t.length)
      return (
        t.copy(this.lastChar, this.lastTotal - this.lastNeed, 0, this.lastNeed),
        this.lastChar.toString(this.encoding, 0, this.lastTotal)
      );
    (t.copy(this.lastChar, this.lastTotal - this.lastNeed, 0, t.length),
      (this.lastNeed -= t.length));
  };
  function pi(t) {
    return t <= 127
      ? 0
      : t >> 5 === 6
        ? 2
        : t >> 4 === 14
          ? 3
          : t >> 3 === 30
            ? 4
            : t >> 6 === 2
              ? -1
              : -2;
  }
  function Rh(t, e, r) {
    var n = e.length - 1;
    if (n < r) return 0;
    var i = pi(e[n]);
    return i >= 0
      ? (i > 0 && (t.lastNeed = i - 1), i)
      : --n < r || i === -2
        ? 0
        : ((i = pi(e[n])),
          i >= 0
            ? (i > 0 && (t.lastNeed = i - 2), i)
            : --n < r || i === -2
              ? 0
              : ((i = pi(e[n])),
                i >= 0 ? (i > 0 && (i === 2 ? (i = 0) : (t.lastNeed = i - 3)), i) : 0));
  }
  function Th(t, e, r) {
    if ((e[0] & 192) !== 128) return ((t.lastNeed = 0), '\uFFFD');
    if (t.lastNeed > 1 && e.length > 1) {
      if ((e[1] & 192) !== 128) return ((t.lastNeed = 1), '\uFFFD');
      if (t.lastNeed > 2 && e.length > 2 && (e[2] & 192) !== 128)
        return ((t.lastNeed = 2), '\uFFFD');
    }
  }
  function Nh(t) {
    var e = this.lastTotal - this.lastNeed,
      r = Th(this, t, e);
    if (r !== void 0) return r;
    if (this.lastNeed <= t.length)
      return (
        t.copy(this.lastChar, e, 0, this.lastNeed),
        this.lastChar.toString(this.encoding, 0, this.lastTotal)
      );
    (t.copy(this.lastChar, e, 0, t.length), (this.lastNeed -= t.length));
  }
  function Ah(t, e) {
    var r = Rh(this, t, e);
    if (!this.lastNeed) return t.toString('utf8', e);
    this.lastTotal = r;
    var n = t.length - (r - this.lastNeed);
    return (t.copy(this.lastChar, 0, n), t.toString('utf8', e, n));
  }
  function qh(t) {
    var e = t && t.length ? this.write(t) : '';
    return this.lastNeed ? e + '\uFFFD' : e;
  }
  function $h(t, e) {
    if ((t.length - e) % 2 === 0) {
      var r = t.toString('utf16le', e);
      if (r) {
        var n = r.charCodeAt(r.length - 1);
        if (n >= 55296 && n <= 56319)
          return (
            (this.lastNeed = 2),
            (this.lastTotal = 4),
            (this.lastChar[0] = t[t.length - 2]),
            (this.lastChar[1] = t[t.length - 1]),
            r.slice(0, -1)
          );
      }
      return r;
    }
    return (
      (this.lastNeed = 1),
      (this.lastTotal = 2),
      (this.lastChar[0] = t[t.length - 1]),
      t.toString('utf16le', e, t.length - 1)
    );
  }
  function jh(t) {
    var e = t && t.length ? this.write(t) : '';
    if (this.lastNeed) {
      var r = this.lastTotal - this.lastNeed;
      return e + this.lastChar.toString('utf16le', 0, r);
    }
    return e;
  }
  function Lh(t, e) {
    var r = (t.length - e) % 3;
    return r === 0
      ? t.toString('base64', e)
      : ((this.lastNeed = 3 - r),
        (this.lastTotal = 3),
        r === 1
          ? (this.lastChar[0] = t[t.length - 1])
          : ((this.lastChar[0] = t[t.length - 2]), (this.lastChar[1] = t[t.length - 1])),
        t.toString('base64', e, t.length - r));
  }
  function Ih(t) {
    var e = t && t.length ? this.write(t) : '';
    return this.lastNeed ? e + this.lastChar.toString('base64', 0, 3 - this.lastNeed) : e;
  }
  function Ph(t) {
    return t.toString(this.encoding);
  }
  function Ch(t) {
    return t && t.length ? this.write(t) : '';
  }
});
var qr = g(($1, ll) => {
  'use strict';
  var ol = Re().codes.ERR_STREAM_PREMATURE_CLOSE;
  function Fh(t) {
    var e = !1;
    return function () {
      if (!e) {
        e = !0;
        for (var r = arguments.length, n = new Array(r), i = 0; i < r; i++) n[i] = arguments[i];
        t.apply(this, n);
      }
    };
  }
  function Dh() {}
  function Bh(t) {
    return t.setHeader && typeof t.abort == 'function';
  }
  function al(t, e, r) {
    if (typeof e == 'function') return al(t, null, e);
    (e || (e = {}), (r = Fh(r || Dh)));
    var n = e.readable || (e.readable !== !1 && t.readable),
      i = e.writable || (e.writable !== !1 && t.writable),
      s = function () {
        t.writable || a();
      },
      o = t._writableState && t._writableState.finished,
      a = function () {
        ((i = !1), (o = !0), n || r.call(t));
      },
      l = t._readableState && t._readableState.endEmitted,
      u = function () {
        ((n = !1), (l = !0), i || r.call(t));
      },
      d = function (c) {
        r.call(t, c);
      },
      f = function () {
        var c;
        if (n && !l)
          return ((!t._readableState || !t._readableState.ended) && (c = new ol()), r.call(t, c));
        if (i && !o)
          return ((!t._writableState || !t._writableState.ended) && (c = new ol()), r.call(t, c));
      },
      h = function () {
        t.req.on('finish', a);
      };
    return (
      Bh(t)
        ? (t.on('complete', a), t.on('abort', f), t.req ? h() : t.on('request', h))
        : i && !t._writableState && (t.on('end', s), t.on('close', s)),
      t.on('end', u),
      t.on('finish', a),
      e.error !== !1 && t.on('error', d),
      t.on('close', f),
      function () {
        (t.removeListener('complete', a),
          t.removeListener('abort', f),
          t.removeListener('request', h),
          t.req && t.req.removeListener('finish', a),
          t.removeListener('end', s),
          t.removeListener('close', s),
          t.removeListener('finish', a),
          t.removeListener('end', u),
          t.removeListener('error', d),
          t.removeListener('close', f));
      }
    );
  }
  ll.exports = al;
});
var cl = g((j1, ul) => {
  'use strict';
  var $r;
  function Te(t, e, r) {
    return (
      (e = Uh(e)),
      e in t
        ? Object.defineProperty(t, e, { value: r, enumerable: !0, configurable: !0, writable: !0 })
        : (t[e] = r),
      t
    );
  }
  function Uh(t) {
    var e = Wh(t, 'string');
    return typeof e == 'symbol' ? e : String(e);
  }
  function Wh(t, e) {
    if (typeof t != 'object' || t === null) return t;
    var r = t[Symbol.toPrimitive];
    if (r !== void 0) {
      var n = r.call(t, e || 'default');
      if (typeof n != 'object') return n;
      throw new TypeError('@@toPrimitive must return a primitive value.');
    }
    return (e === 'string' ? String : Number)(t);
  }
  var zh = qr(),
    Ne = Symbol('lastResolve'),
    ze = Symbol('lastReject'),
    kt = Symbol('error'),
    jr = Symbol('ended'),
    He = Symbol('lastPromise'),
    bi = Symbol('handlePromise'),
    Ge = Symbol('stream');
  function Ae(t, e) {
    return { value: t, done: e };
  }
  function Hh(t) {
    var e = t[Ne];
    if (e !== null) {
      var r = t[Ge].read();
      r !== null && ((t[He] = null), (t[Ne] = null), (t[ze] = null), e(Ae(r, !1)));
    }
  }
  function Gh(t) {
    process.nextTick(Hh, t);
  }
  function Vh(t, e) {
    return function (r, n) {
      t.then(function () {
        if (e[jr]) {
          r(Ae(void 0, !0));
          return;
        }
        e[bi](r, n);
      }, n);
    };
  }
  var Yh = Object.getPrototypeOf(function () {}),
    Kh = Object.setPrototypeOf(
      (($r = {
        get stream() {
          return this[Ge];
        },
        next: function () {
          var e = this,
            r = this[kt];
          if (r !== null) return Promise.reject(r);
          if (this[jr]) return Promise.resolve(Ae(void 0, !0));
          if (this[Ge].destroyed)
            return new Promise(function (o, a) {
              process.nextTick(function () {
                e[kt] ? a(e[kt]) : o(Ae(void 0, !0));
              });
            });
          var n = this[He],
            i;
          if (n) i = new Promise(Vh(n, this));
          else {
            var s = this[Ge].read();
            if (s !== null) return Promise.resolve(Ae(s, !1));
            i = new Promise(this[bi]);
          }
          return ((this[He] = i), i);
        },
      }),
      Te($r, Symbol.asyncIterator, function () {
        return this;
      }),
      Te($r, 'return', function () {
        var e = this;
        return new Promise(function (r, n) {
          e[Ge].destroy(null, function (i) {
            if (i) {
              n(i);
              return;
            }
            r(Ae(void 0, !0));
          });
        });
      }),
      $r),
      Yh,
    ),
    Jh = function (e) {
      var r,
        n = Object.create(
          Kh,
          ((r = {}),
          Te(r, Ge, { value: e, writable: !0 }),
          Te(r, Ne, { value: null, writable: !0 }),
          Te(r, ze, { value: null, writable: !0 }),
          Te(r, kt, { value: null, writable: !0 }),
          Te(r, jr, { value: e._readableState.endEmitted, writable: !0 }),
          Te(r, bi, {
            value: function (s, o) {
              var a = n[Ge].read();
              a
                ? ((n[He] = null), (n[Ne] = null), (n[ze] = null), s(Ae(a, !1)))
                : ((n[Ne] = s), (n[ze] = o));
            },
            writable: !0,
          }),
          r),
        );
      return (
        (n[He] = null),
        zh(e, function (i) {
          if (i && i.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
            var s = n[ze];
            (s !== null && ((n[He] = null), (n[Ne] = null), (n[ze] = null), s(i)), (n[kt] = i));
            return;
          }
          var o = n[Ne];
          (o !== null && ((n[He] = null), (n[Ne] = null), (n[ze] = null), o(Ae(void 0, !0))),
            (n[jr] = !0));
        }),
        e.on('readable', Gh.bind(null, n)),
        n
      );
    };
  ul.exports = Jh;
});
var pl = g((L1, hl) => {
  'use strict';
  function fl(t, e, r, n, i, s, o) {
    try {
      var a = t[s](o),
        l = a.value;
    } catch (u) {
      r(u);
      return;
    }
    a.done ? e(l) : Promise.resolve(l).then(n, i);
  }
  function Zh(t) {
    return function () {
      var e = this,
        r = arguments;
      return new Promise(function (n, i) {
        var s = t.apply(e, r);
        function o(l) {
          fl(s, n, i, o, a, 'next', l);
        }
        function a(l) {
          fl(s, n, i, o, a, 'throw', l);
        }
        o(void 0);
      });
    };
  }
  function dl(t, e) {
    var r = Object.keys(t);
    if (Object.getOwnPropertySymbols) {
      var n = Object.getOwnPropertySymbols(t);
      (e &&
        (n = n.filter(function (i) {
          return Object.getOwnPropertyDescriptor(t, i).enumerable;
        })),
        r.push.apply(r, n));
    }
    return r;
  }
  function Qh(t) {
    for (var e = 1; e < arguments.length; e++) {
      var r = arguments[e] != null ? arguments[e] : {};
      e % 2
        ? dl(Object(r), !0).forEach(function (n) {
            Xh(t, n, r[n]);
          })
        : Object.getOwnPropertyDescriptors
          ? Object.defineProperties(t, Object.getOwnPropertyDescriptors(r))
          : dl(Object(r)).forEach(function (n) {
              Object.defineProperty(t, n, Object.getOwnPropertyDescriptor(r, n));
            });
    }
    return t;
  }
  function Xh(t, e, r) {
    return (
      (e = ep(e)),
      e in t
        ? Object.defineProperty(t, e, { value: r, enumerable: !0, configurable: !0, writable: !0 })
        : (t[e] = r),
      t
    );
  }
  function ep(t) {
    var e = tp(t, 'string');
    return typeof e == 'symbol' ? e : String(e);
  }
  function tp(t, e) {
    if (typeof t != 'object' || t === null) return t;
    var r = t[Symbol.toPrimitive];
    if (r !== void 0) {
      var n = r.call(t, e || 'default');
      if (typeof n != 'object') return n;
      throw new TypeError('@@toPrimitive must return a primitive value.');
    }
    return (e === 'string' ? String : Number)(t);
  }
  var rp = Re().codes.ERR_INVALID_ARG_TYPE;
  function np(t, e, r) {
    var n;
    if (e && typeof e.next == 'function') n = e;
    else if (e && e[Symbol.asyncIterator]) n = e[Symbol.asyncIterator]();
    else if (e && e[Symbol.iterator]) n = e[Symbol.iterator]();
    else throw new rp('iterable', ['Iterable'], e);
    var i = new t(Qh({ objectMode: !0 }, r)),
      s = !1;
    i._read = function () {
      s || ((s = !0), o());
    };
    function o() {
      return a.apply(this, arguments);
    }
    function a() {
      return (
        (a = Zh(function* () {
          try {
            var l = yield n.next(),
              u = l.value,
              d = l.done;
            d ? i.push(null) : i.push(yield u) ? o() : (s = !1);
          } catch (f) {
            i.destroy(f);
          }
        })),
        a.apply(this, arguments)
      );
    }
    return i;
  }
  hl.exports = np;
});
var ki = g((P1, El) => {
  'use strict';
  El.exports = q;
  var it;
  q.ReadableState = yl;
  var I1 = I('events').EventEmitter,
    bl = function (e, r) {
      return e.listeners(r).length;
    },
    Tt = si(),
    Lr = I('buffer').Buffer,
    ip =
      (typeof global < 'u' ? global : typeof window < 'u' ? window : typeof self < 'u' ? self : {})
        .Uint8Array || function () {};
  function sp(t) {
    return Lr.from(t);
  }
  function op(t) {
    return Lr.isBuffer(t) || t instanceof ip;
  }
  var yi = I('util'),
    R;
  yi && yi.debuglog ? (R = yi.debuglog('stream')) : (R = function () {});
  var ap = el(),
    Oi = ai(),
    lp = li(),
    up = lp.getHighWaterMark,
    Ir = Re().codes,
    cp = Ir.ERR_INVALID_ARG_TYPE,
    fp = Ir.ERR_STREAM_PUSH_AFTER_EOF,
    dp = Ir.ERR_METHOD_NOT_IMPLEMENTED,
    hp = Ir.ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
    st,
    wi,
    _i;
  nt()(q, Tt);
  var Rt = Oi.errorOrDestroy,
    vi = ['error', 'close', 'destroy', 'pause', 'resume'];
  function pp(t, e, r) {
    if (typeof t.prependListener == 'function') return t.prependListener(e, r);
    !t._events || !t._events[e]
      ? t.on(e, r)
      : Array.isArray(t._events[e])
        ? t._events[e].unshift(r)
        : (t._events[e] = [r, t._events[e]]);
  }
  function yl(t, e, r) {
    ((it = it || Ve()),
      (t = t || {}),
      typeof r != 'boolean' && (r = e instanceof it),
      (this.objectMode = !!t.objectMode),
      r && (this.objectMode = this.objectMode || !!t.readableObjectMode),
      (this.highWaterMark = up(this, t, 'readableHighWaterMark', r)),
      (this.buffer = new ap()),
      (this.length = 0),
      (this.pipes = null),
      (this.pipesCount = 0),
      (this.flowing = null),
      (this.ended = !1),
      (this.endEmitted = !1),
      (this.reading = !1),
      (this.sync = !0),
      (this.needReadable = !1),
      (this.emittedReadable = !1),
      (this.readableListening = !1),
      (this.resumeScheduled = !1),
      (this.paused = !0),
      (this.emitClose = t.emitClose !== !1),
      (this.autoDestroy = !!t.autoDestroy),
      (this.destroyed = !1),
      (this.defaultEncoding = t.defaultEncoding || 'utf8'),
      (this.awaitDrain = 0),
      (this.readingMore = !1),
      (this.decoder = null),
      (this.encoding = null),
      t.encoding &&
        (st || (st = gi().StringDecoder),
        (this.decoder = new st(t.encoding)),
        (this.encoding = t.encoding)));
  }
  function q(t) {
    if (((it = it || Ve()), !(this instanceof q))) return new q(t);
    var e = this instanceof it;
    ((this._readableState = new yl(t, this, e)),
      (this.readable = !0),
      t &&
        (typeof t.read == 'function' && (this._read = t.read),
        typeof t.destroy == 'function' && (this._destroy = t.destroy)),
      Tt.call(this));
  }
  Object.defineProperty(q.prototype, 'destroyed', {
    enumerable: !1,
    get: function () {
      return this._readableState === void 0 ? !1 : this._readableState.destroyed;
    },
    set: function (e) {
      this._readableState && (this._readableState.destroyed = e);
    },
  });
  q.prototype.destroy = Oi.destroy;
  q.prototype._undestroy = Oi.undestroy;
  q.prototype._destroy = function (t, e) {
    e(t);
  };
  q.prototype.push = function (t, e) {
    var r = this._readableState,
      n;
    return (
      r.objectMode
        ? (n = !0)
        : typeof t == 'string' &&
          ((e = e || r.defaultEncoding),
          e !== r.encoding && ((t = Lr.from(t, e)), (e = '')),
          (n = !0)),
      wl(this, t, e, !1, n)
    );
  };
  q.prototype.unshift = function (t) {
    return wl(this, t, null, !0, !1);
  };
  function wl(t, e, r, n, i) {
    R('readableAddChunk', e);
    var s = t._readableState;
    if (e === null) ((s.reading = !1), bp(t, s));
    else {
      var o;
      if ((i || (o = mp(s, e)), o)) Rt(t, o);
      else if (s.objectMode || (e && e.length > 0))
        if (
          (typeof e != 'string' &&
            !s.objectMode &&
            Object.getPrototypeOf(e) !== Lr.prototype &&
            (e = sp(e)),
          n)
        )
          s.endEmitted ? Rt(t, new hp()) : xi(t, s, e, !0);
        else if (s.ended) Rt(t, new fp());
        else {
          if (s.destroyed) return !1;
          ((s.reading = !1),
            s.decoder && !r
              ? ((e = s.decoder.write(e)),
                s.objectMode || e.length !== 0 ? xi(t, s, e, !1) : Ei(t, s))
              : xi(t, s, e, !1));
        }
      else n || ((s.reading = !1), Ei(t, s));
    }
    return !s.ended && (s.length < s.highWaterMark || s.length === 0);
  }
  function xi(t, e, r, n) {
    (e.flowing && e.length === 0 && !e.sync
      ? ((e.awaitDrain = 0), t.emit('data', r))
      : ((e.length += e.objectMode ? 1 : r.length),
        n ? e.buffer.unshift(r) : e.buffer.push(r),
        e.needReadable && Pr(t)),
      Ei(t, e));
  }
  function mp(t, e) {
    var r;
    return (
      !op(e) &&
        typeof e != 'string' &&
        e !== void 0 &&
        !t.objectMode &&
        (r = new cp('chunk', ['string', 'Buffer', 'Uint8Array'], e)),
      r
    );
  }
  q.prototype.isPaused = function () {
    return this._readableState.flowing === !1;
  };
  q.prototype.setEncoding = function (t) {
    st || (st = gi().StringDecoder);
    var e = new st(t);
    ((this._readableState.decoder = e),
      (this._readableState.encoding = this._readableState.decoder.encoding));
    for (var r = this._readableState.buffer.head, n = ''; r !== null;)
      ((n += e.write(r.data)), (r = r.next));
    return (
      this._readableState.buffer.clear(),
      n !== '' && this._readableState.buffer.push(n),
      (this._readableState.length = n.length),
      this
    );
  };
  var ml = 1073741824;
  function gp(t) {
    return (
      t >= ml
        ? (t = ml)
        : (t--,
          (t |= t >>> 1),
          (t |= t >>> 2),
          (t |= t >>> 4),
          (t |= t >>> 8),
          (t |= t >>> 16),
          t++),
      t
    );
  }
  function gl(t, e) {
    return t <= 0 || (e.length === 0 && e.ended)
      ? 0
      : e.objectMode
        ? 1
        : t !== t
          ? e.flowing && e.length
            ? e.buffer.head.data.length
            : e.length
          : (t > e.highWaterMark && (e.highWaterMark = gp(t)),
            t <= e.length ? t : e.ended ? e.length : ((e.needReadable = !0), 0));
  }
  q.prototype.read = function (t) {
    (R('read', t), (t = parseInt(t, 10)));
    var e = this._readableState,
      r = t;
    if (
      (t !== 0 && (e.emittedReadable = !1),
      t === 0 &&
        e.needReadable &&
        ((e.highWaterMark !== 0 ? e.length >= e.highWaterMark : e.length > 0) || e.ended))
    )
      return (
        R('read: emitReadable', e.length, e.ended),
        e.length === 0 && e.ended ? Si(this) : Pr(this),
        null
      );
    if (((t = gl(t, e)), t === 0 && e.ended)) return (e.length === 0 && Si(this), null);
    var n = e.needReadable;
    (R('need readable', n),
      (e.length === 0 || e.length - t < e.highWaterMark) &&
        ((n = !0), R('length less than watermark', n)),
      e.ended || e.reading
        ? ((n = !1), R('reading or ended', n))
        : n &&
          (R('do read'),
          (e.reading = !0),
          (e.sync = !0),
          e.length === 0 && (e.needReadable = !0),
          this._read(e.highWaterMark),
          (e.sync = !1),
          e.reading || (t = gl(r, e))));
    var i;
    return (
      t > 0 ? (i = xl(t, e)) : (i = null),
      i === null
        ? ((e.needReadable = e.length <= e.highWaterMark), (t = 0))
        : ((e.length -= t), (e.awaitDrain = 0)),
      e.length === 0 && (e.ended || (e.needReadable = !0), r !== t && e.ended && Si(this)),
      i !== null && this.emit('data', i),
      i
    );
  };
  function bp(t, e) {
    if ((R('onEofChunk'), !e.ended)) {
      if (e.decoder) {
        var r = e.decoder.end();
        r && r.length && (e.buffer.push(r), (e.length += e.objectMode ? 1 : r.length));
      }
      ((e.ended = !0),
        e.sync
          ? Pr(t)
          : ((e.needReadable = !1), e.emittedReadable || ((e.emittedReadable = !0), _l(t))));
    }
  }
  function Pr(t) {
    var e = t._readableState;
    (R('emitReadable', e.needReadable, e.emittedReadable),
      (e.needReadable = !1),
      e.emittedReadable ||
        (R('emitReadable', e.flowing), (e.emittedReadable = !0), process.nextTick(_l, t)));
  }
  function _l(t) {
    var e = t._readableState;
    (R('emitReadable_', e.destroyed, e.length, e.ended),
      !e.destroyed && (e.length || e.ended) && (t.emit('readable'), (e.emittedReadable = !1)),
      (e.needReadable = !e.flowing && !e.ended && e.length <= e.highWaterMark),
      Mi(t));
  }
  function Ei(t, e) {
    e.readingMore || ((e.readingMore = !0), process.nextTick(yp, t, e));
  }
  function yp(t, e) {
    for (
      ;
      !e.reading && !e.ended && (e.length < e.highWaterMark || (e.flowing && e.length === 0));
    ) {
      var r = e.length;
      if ((R('maybeReadMore read 0'), t.read(0), r === e.length)) break;
    }
    e.readingMore = !1;
  }
  q.prototype._read = function (t) {
    Rt(this, new dp('_read()'));
  };
  q.prototype.pipe = function (t, e) {
    var r = this,
      n = this._readableState;
    switch (n.pipesCount) {
      case 0:
        n.pipes = t;
        break;
      case 1:
        n.pipes = [n.pipes, t];
        break;
      default:
        n.pipes.push(t);
        break;
    }
    ((n.pipesCount += 1), R('pipe count=%d opts=%j', n.pipesCount, e));
    var i = (!e || e.end !== !1) && t !== process.stdout && t !== process.stderr,
      s = i ? a : p;
    (n.endEmitted ? process.nextTick(s) : r.once('end', s), t.on('unpipe', o));
    function o(w, y) {
      (R('onunpipe'), w === r && y && y.hasUnpiped === !1 && ((y.hasUnpiped = !0), d()));
    }
    function a() {
      (R('onend'), t.end());
    }
    var l = wp(r);
    t.on('drain', l);
    var u = !1;
    function d() {
      (R('cleanup'),
        t.removeListener('close', b),
        t.removeListener('finish', c),
        t.removeListener('drain', l),
        t.removeListener('error', h),
        t.removeListener('unpipe', o),
        r.removeListener('end', a),
        r.removeListener('end', p),
        r.removeListener('data', f),
        (u = !0),
        n.awaitDrain && (!t._writableState || t._writableState.needDrain) && l());
    }
    r.on('data', f);
    function f(w) {
      R('ondata');
      var y = t.write(w);
      (R('dest.write', y),
        y === !1 &&
          (((n.pipesCount === 1 && n.pipes === t) || (n.pipesCount > 1 && Sl(n.pipes, t) !== -1)) &&
            !u &&
            (R('false write response, pause', n.awaitDrain), n.awaitDrain++),
          r.pause()));
    }
    function h(w) {
      (R('onerror', w), p(), t.removeListener('error', h), bl(t, 'error') === 0 && Rt(t, w));
    }
    pp(t, 'error', h);
    function b() {
      (t.removeListener('finish', c), p());
    }
    t.once('close', b);
    function c() {
      (R('onfinish'), t.removeListener('close', b), p());
    }
    t.once('finish', c);
    function p() {
      (R('unpipe'), r.unpipe(t));
    }
    return (t.emit('pipe', r), n.flowing || (R('pipe resume'), r.resume()), t);
  };
  function wp(t) {
    return function () {
      var r = t._readableState;
      (R('pipeOnDrain', r.awaitDrain),
        r.awaitDrain && r.awaitDrain--,
        r.awaitDrain === 0 && bl(t, 'data') && ((r.flowing = !0), Mi(t)));
    };
  }
  q.prototype.unpipe = function (t) {
    var e = this._readableState,
      r = { hasUnpiped: !1 };
    if (e.pipesCount === 0) return this;
    if (e.pipesCount === 1)
      return t && t !== e.pipes
        ? this
        : (t || (t = e.pipes),
          (e.pipes = null),
          (e.pipesCount = 0),
          (e.flowing = !1),
          t && t.emit('unpipe', this, r),
          this);
    if (!t) {
      var n = e.pipes,
        i = e.pipesCount;
      ((e.pipes = null), (e.pipesCount = 0), (e.flowing = !1));
      for (var s = 0; s < i; s++) n[s].emit('unpipe', this, { hasUnpiped: !1 });
      return this;
    }
    var o = Sl(e.pipes, t);
    return o === -1
      ? this
      : (e.pipes.splice(o, 1),
        (e.pipesCount -= 1),
        e.pipesCount === 1 && (e.pipes = e.pipes[0]),
        t.emit('unpipe', this, r),
        this);
  };
  q.prototype.on = function (t, e) {
    var r = Tt.prototype.on.call(this, t, e),
      n = this._readableState;
    return (
      t === 'data'
        ? ((n.readableListening = this.listenerCount('readable') > 0),
          n.flowing !== !1 && this.resume())
        : t === 'readable' &&
          !n.endEmitted &&
          !n.readableListening &&
          ((n.readableListening = n.needReadable = !0),
          (n.flowing = !1),
          (n.emittedReadable = !1),
          R('on readable', n.length, n.reading),
          n.length ? Pr(this) : n.reading || process.nextTick(_p, this)),
      r
    );
  };
  q.prototype.addListener = q.prototype.on;
  q.prototype.removeListener = function (t, e) {
    var r = Tt.prototype.removeListener.call(this, t, e);
    return (t === 'readable' && process.nextTick(vl, this), r);
  };
  q.prototype.removeAllListeners = function (t) {
    var e = Tt.prototype.removeAllListeners.apply(this, arguments);
    return ((t === 'readable' || t === void 0) && process.nextTick(vl, this), e);
  };
  function vl(t) {
    var e = t._readableState;
    ((e.readableListening = t.listenerCount('readable') > 0),
      e.resumeScheduled && !e.paused
        ? (e.flowing = !0)
        : t.listenerCount('data') > 0 && t.resume());
  }
  function _p(t) {
    (R('readable nexttick read 0'), t.read(0));
  }
  q.prototype.resume = function () {
    var t = this._readableState;
    return (
      t.flowing || (R('resume'), (t.flowing = !t.readableListening), vp(this, t)),
      (t.paused = !1),
      this
    );
  };
  function vp(t, e) {
    e.resumeScheduled || ((e.resumeScheduled = !0), process.nextTick(xp, t, e));
  }
  function xp(t, e) {
    (R('resume', e.reading),
      e.reading || t.read(0),
      (e.resumeScheduled = !1),
      t.emit('resume'),
      Mi(t),
      e.flowing && !e.reading && t.read(0));
  }
  q.prototype.pause = function () {
    return (
      R('call pause flowing=%j', this._readableState.flowing),
      this._readableState.flowing !== !1 &&
        (R('pause'), (this._readableState.flowing = !1), this.emit('pause')),
      (this._readableState.paused = !0),
      this
    );
  };
  function Mi(t) {
    var e = t._readableState;
    for (R('flow', e.flowing); e.flowing && t.read() !== null;);
  }
  q.prototype.wrap = function (t) {
    var e = this,
      r = this._readableState,
      n = !1;
    (t.on('end', function () {
      if ((R('wrapped end'), r.decoder && !r.ended)) {
        var o = r.decoder.end();
        o && o.length && e.push(o);
      }
      e.push(null);
    }),
      t.on('data', function (o) {
        if (
          (R('wrapped data'),
          r.decoder && (o = r.decoder.write(o)),
          !(r.objectMode && o == null) && !(!r.objectMode && (!o || !o.length)))
        ) {
          var a = e.push(o);
          a || ((n = !0), t.pause());
        }
      }));
    for (var i in t)
      this[i] === void 0 &&
        typeof t[i] == 'function' &&
        (this[i] = (function (a) {
          return function () {
            return t[a].apply(t, arguments);
          };
        })(i));
    for (var s = 0; s < vi.length; s++) t.on(vi[s], this.emit.bind(this, vi[s]));
    return (
      (this._read = function (o) {
        (R('wrapped _read', o), n && ((n = !1), t.resume()));
      }),
      this
    );
  };
  typeof Symbol == 'function' &&
    (q.prototype[Symbol.asyncIterator] = function () {
      return (wi === void 0 && (wi = cl()), wi(this));
    });
  Object.defineProperty(q.prototype, 'readableHighWaterMark', {
    enumerable: !1,
    get: function () {
      return this._readableState.highWaterMark;
    },
  });
  Object.defineProperty(q.prototype, 'readableBuffer', {
    enumerable: !1,
    get: function () {
      return this._readableState && this._readableState.buffer;
    },
  });
  Object.defineProperty(q.prototype, 'readableFlowing', {
    enumerable: !1,
    get: function () {
      return this._readableState.flowing;
    },
    set: function (e) {
      this._readableState && (this._readableState.flowing = e);
    },
  });
  q._fromList = xl;
  Object.defineProperty(q.prototype, 'readableLength', {
    enumerable: !1,
    get: function () {
      return this._readableState.length;
    },
  });
  function xl(t, e) {
    if (e.length === 0) return null;
    var r;
    return (
      e.objectMode
        ? (r = e.buffer.shift())
        : !t || t >= e.length
          ? (e.decoder
              ? (r = e.buffer.join(''))
              : e.buffer.length === 1
                ? (r = e.buffer.first())
                : (r = e.buffer.concat(e.length)),
            e.buffer.clear())
          : (r = e.buffer.consume(t, e.decoder)),
      r
    );
  }
  function Si(t) {
    var e = t._readableState;
    (R('endReadable', e.endEmitted), e.endEmitted || ((e.ended = !0), process.nextTick(Sp, e, t)));
  }
  function Sp(t, e) {
    if (
      (R('endReadableNT', t.endEmitted, t.length),
      !t.endEmitted &&
        t.length === 0 &&
        ((t.endEmitted = !0), (e.readable = !1), e.emit('end'), t.autoDestroy))
    ) {
      var r = e._writableState;
      (!r || (r.autoDestroy && r.finished)) && e.destroy();
    }
  }
  typeof Symbol == 'function' &&
    (q.from = function (t, e) {
      return (_i === void 0 && (_i = pl()), _i(q, t, e));
    });
  function Sl(t, e) {
    for (var r = 0, n = t.length; r < n; r++) if (t[r] === e) return r;
    return -1;
  }
});
var Ve = g((C1, Ml) => {
  'use strict';
  var Ep =
    Object.keys ||
    function (t) {
      var e = [];
      for (var r in t) e.push(r);
      return e;
    };
  Ml.exports = we;
  var Ol = ki(),
    Ti = Dr();
  nt()(we, Ol);
  for (Ri = Ep(Ti.prototype), Cr = 0; Cr < Ri.length; Cr++)
    ((Fr = Ri[Cr]), we.prototype[Fr] || (we.prototype[Fr] = Ti.prototype[Fr]));
  var Ri, Fr, Cr;
  function we(t) {
    if (!(this instanceof we)) return new we(t);
    (Ol.call(this, t),
      Ti.call(this, t),
      (this.allowHalfOpen = !0),
      t &&
        (t.readable === !1 && (this.readable = !1),
        t.writable === !1 && (this.writable = !1),
        t.allowHalfOpen === !1 && ((this.allowHalfOpen = !1), this.once('end', Op))));
  }
  Object.defineProperty(we.prototype, 'writableHighWaterMark', {
    enumerable: !1,
    get: function () {
      return this._writableState.highWaterMark;
    },
  });
  Object.defineProperty(we.prototype, 'writableBuffer', {
    enumerable: !1,
    get: function () {
      return this._writableState && this._writableState.getBuffer();
    },
  });
  Object.defineProperty(we.prototype, 'writableLength', {
    enumerable: !1,
    get: function () {
      return this._writableState.length;
    },
  });
  function Op() {
    this._writableState.ended || process.nextTick(Mp, this);
  }
  function Mp(t) {
    t.end();
  }
  Object.defineProperty(we.prototype, 'destroyed', {
    enumerable: !1,
    get: function () {
      return this._readableState === void 0 || this._writableState === void 0
        ? !1
        : this._readableState.destroyed && this._writableState.destroyed;
    },
    set: function (e) {
      this._readableState === void 0 ||
        this._writableState === void 0 ||
        ((this._readableState.destroyed = e), (this._writableState.destroyed = e));
    },
  });
});
var Dr = g((F1, ql) => {
  'use strict';
  ql.exports = z;
  function Rl(t) {
    var e = this;
    ((this.next = null),
      (this.entry = null),
      (this.finish = function () {
        Xp(e, t);
      }));
  }
  var ot;
  z.WritableState = At;
  var kp = { deprecate: Da() },
    Tl = si(),
    Ur = I('buffer').Buffer,
    Rp =
      (typeof global < 'u' ? global : typeof window < 'u' ? window : typeof self < 'u' ? self : {})
        .Uint8Array || function () {};
  function Tp(t) {
    return Ur.from(t);
  }
  function Np(t) {
    return Ur.isBuffer(t) || t instanceof Rp;
  }
  var Ai = ai(),
    Ap = li(),
    qp = Ap.getHighWaterMark,
    qe = Re().codes,
    $p = qe.ERR_INVALID_ARG_TYPE,
    jp = qe.ERR_METHOD_NOT_IMPLEMENTED,
    Lp = qe.ERR_MULTIPLE_CALLBACK,
    Ip = qe.ERR_STREAM_CANNOT_PIPE,
    Pp = qe.ERR_STREAM_DESTROYED,
    Cp = qe.ERR_STREAM_NULL_VALUES,
    Fp = qe.ERR_STREAM_WRITE_AFTER_END,
    Dp = qe.ERR_UNKNOWN_ENCODING,
    at = Ai.errorOrDestroy;
  nt()(z, Tl);
  function Bp() {}
  function At(t, e, r) {
    ((ot = ot || Ve()),
      (t = t || {}),
      typeof r != 'boolean' && (r = e instanceof ot),
      (this.objectMode = !!t.objectMode),
      r && (this.objectMode = this.objectMode || !!t.writableObjectMode),
      (this.highWaterMark = qp(this, t, 'writableHighWaterMark', r)),
      (this.finalCalled = !1),
      (this.needDrain = !1),
      (this.ending = !1),
      (this.ended = !1),
      (this.finished = !1),
      (this.destroyed = !1));
    var n = t.decodeStrings === !1;
    ((this.decodeStrings = !n),
      (this.defaultEncoding = t.defaultEncoding || 'utf8'),
      (this.length = 0),
      (this.writing = !1),
      (this.corked = 0),
      (this.sync = !0),
      (this.bufferProcessing = !1),
      (this.onwrite = function (i) {
        Yp(e, i);
      }),
      (this.writecb = null),
      (this.writelen = 0),
      (this.bufferedRequest = null),
      (this.lastBufferedRequest = null),
      (this.pendingcb = 0),
      (this.prefinished = !1),
      (this.errorEmitted = !1),
      (this.emitClose = t.emitClose !== !1),
      (this.autoDestroy = !!t.autoDestroy),
      (this.bufferedRequestCount = 0),
      (this.corkedRequestsFree = new Rl(this)));
  }
  At.prototype.getBuffer = function () {
    for (var e = this.bufferedRequest, r = []; e;) (r.push(e), (e = e.next));
    return r;
  };
  (function () {
    try {
      Object.defineProperty(At.prototype, 'buffer', {
        get: kp.deprecate(
          function () {
            return this.getBuffer();
          },
          '_writableState.buffer is deprecated. Use _writableState.getBuffer instead.',
          'DEP0003',
        ),
      });
    } catch {}
  })();
  var Br;
  typeof Symbol == 'function' &&
  Symbol.hasInstance &&
  typeof Function.prototype[Symbol.hasInstance] == 'function'
    ? ((Br = Function.prototype[Symbol.hasInstance]),
      Object.defineProperty(z, Symbol.hasInstance, {
        value: function (e) {
          return Br.call(this, e) ? !0 : this !== z ? !1 : e && e._writableState instanceof At;
        },
      }))
    : (Br = function (e) {
        return e instanceof this;
      });
  function z(t) {
    ot = ot || Ve();
    var e = this instanceof ot;
    if (!e && !Br.call(z, this)) return new z(t);
    ((this._writableState = new At(t, this, e)),
      (this.writable = !0),
      t &&
        (typeof t.write == 'function' && (this._write = t.write),
        typeof t.writev == 'function' && (this._writev = t.writev),
        typeof t.destroy == 'function' && (this._destroy = t.destroy),
        typeof t.final == 'function' && (this._final = t.final)),
      Tl.call(this));
  }
  z.prototype.pipe = function () {
    at(this, new Ip());
  };
  function Up(t, e) {
    var r = new Fp();
    (at(t, r), process.nextTick(e, r));
  }
  function Wp(t, e, r, n) {
    var i;
    return (
      r === null
        ? (i = new Cp())
        : typeof r != 'string' && !e.objectMode && (i = new $p('chunk', ['string', 'Buffer'], r)),
      i ? (at(t, i), process.nextTick(n, i), !1) : !0
    );
  }
  z.prototype.write = function (t, e, r) {
    var n = this._writableState,
      i = !1,
      s = !n.objectMode && Np(t);
    return (
      s && !Ur.isBuffer(t) && (t = Tp(t)),
      typeof e == 'function' && ((r = e), (e = null)),
      s ? (e = 'buffer') : e || (e = n.defaultEncoding),
      typeof r != 'function' && (r = Bp),
      n.ending
        ? Up(this, r)
        : (s || Wp(this, n, t, r)) && (n.pendingcb++, (i = Hp(this, n, s, t, e, r))),
      i
    );
  };
  z.prototype.cork = function () {
    this._writableState.corked++;
  };
  z.prototype.uncork = function () {
    var t = this._writableState;
    t.corked &&
      (t.corked--,
      !t.writing && !t.corked && !t.bufferProcessing && t.bufferedRequest && Nl(this, t));
  };
  z.prototype.setDefaultEncoding = function (e) {
    if (
      (typeof e == 'string' && (e = e.toLowerCase()),
      !(
        [
          'hex',
          'utf8',
          'utf-8',
          'ascii',
          'binary',
          'base64',
          'ucs2',
          'ucs-2',
          'utf16le',
          'utf-16le',
          'raw',
        ].indexOf((e + '').toLowerCase()) > -1
      ))
    )
      throw new Dp(e);
    return ((this._writableState.defaultEncoding = e), this);
  };
  Object.defineProperty(z.prototype, 'writableBuffer', {
    enumerable: !1,
    get: function () {
      return this._writableState && this._writableState.getBuffer();
    },
  });
  function zp(t, e, r) {
    return (
      !t.objectMode && t.decodeStrings !== !1 && typeof e == 'string' && (e = Ur.from(e, r)),
      e
    );
  }
  Object.defineProperty(z.prototype, 'writableHighWaterMark', {
    enumerable: !1,
    get: function () {
      return this._writableState.highWaterMark;
    },
  });
  function Hp(t, e, r, n, i, s) {
    if (!r) {
      var o = zp(e, n, i);
      n !== o && ((r = !0), (i = 'buffer'), (n = o));
    }
    var a = e.objectMode ? 1 : n.length;
    e.length += a;
    var l = e.length < e.highWaterMark;
    if ((l || (e.needDrain = !0), e.writing || e.corked)) {
      var u = e.lastBufferedRequest;
      ((e.lastBufferedRequest = { chunk: n, encoding: i, isBuf: r, callback: s, next: null }),
        u ? (u.next = e.lastBufferedRequest) : (e.bufferedRequest = e.lastBufferedRequest),
        (e.bufferedRequestCount += 1));
    } else Ni(t, e, !1, a, n, i, s);
    return l;
  }
  function Ni(t, e, r, n, i, s, o) {
    ((e.writelen = n),
      (e.writecb = o),
      (e.writing = !0),
      (e.sync = !0),
      e.destroyed
        ? e.onwrite(new Pp('write'))
        : r
          ? t._writev(i, e.onwrite)
          : t._write(i, s, e.onwrite),
      (e.sync = !1));
  }
  function Gp(t, e, r, n, i) {
    (--e.pendingcb,
      r
        ? (process.nextTick(i, n),
          process.nextTick(Nt, t, e),
          (t._writableState.errorEmitted = !0),
          at(t, n))
        : (i(n), (t._writableState.errorEmitted = !0), at(t, n), Nt(t, e)));
  }
  function Vp(t) {
    ((t.writing = !1), (t.writecb = null), (t.length -= t.writelen), (t.writelen = 0));
  }
  function Yp(t, e) {
    var r = t._writableState,
      n = r.sync,
      i = r.writecb;
    if (typeof i != 'function') throw new Lp();
    if ((Vp(r), e)) Gp(t, r, n, e, i);
    else {
      var s = Al(r) || t.destroyed;
      (!s && !r.corked && !r.bufferProcessing && r.bufferedRequest && Nl(t, r),
        n ? process.nextTick(kl, t, r, s, i) : kl(t, r, s, i));
    }
  }
  function kl(t, e, r, n) {
    (r || Kp(t, e), e.pendingcb--, n(), Nt(t, e));
  }
  function Kp(t, e) {
    e.length === 0 && e.needDrain && ((e.needDrain = !1), t.emit('drain'));
  }
  function Nl(t, e) {
    e.bufferProcessing = !0;
    var r = e.bufferedRequest;
    if (t._writev && r && r.next) {
      var n = e.bufferedRequestCount,
        i = new Array(n),
        s = e.corkedRequestsFree;
      s.entry = r;
      for (var o = 0, a = !0; r;) ((i[o] = r), r.isBuf || (a = !1), (r = r.next), (o += 1));
      ((i.allBuffers = a),
        Ni(t, e, !0, e.length, i, '', s.finish),
        e.pendingcb++,
        (e.lastBufferedRequest = null),
        s.next
          ? ((e.corkedRequestsFree = s.next), (s.next = null))
          : (e.corkedRequestsFree = new Rl(e)),
        (e.bufferedRequestCount = 0));
    } else {
      for (; r;) {
        var l = r.chunk,
          u = r.encoding,
          d = r.callback,
          f = e.objectMode ? 1 : l.length;
        if ((Ni(t, e, !1, f, l, u, d), (r = r.next), e.bufferedRequestCount--, e.writing)) break;
      }
      r === null && (e.lastBufferedRequest = null);
    }
    ((e.bufferedRequest = r), (e.bufferProcessing = !1));
  }
  z.prototype._write = function (t, e, r) {
    r(new jp('_write()'));
  };
  z.prototype._writev = null;
  z.prototype.end = function (t, e, r) {
    var n = this._writableState;
    return (
      typeof t == 'function'
        ? ((r = t), (t = null), (e = null))
        : typeof e == 'function' && ((r = e), (e = null)),
      t != null && this.write(t, e),
      n.corked && ((n.corked = 1), this.uncork()),
      n.ending || Qp(this, n, r),
      this
    );
  };
  Object.defineProperty(z.prototype, 'writableLength', {
    enumerable: !1,
    get: function () {
      return this._writableState.length;
    },
  });
  function Al(t) {
    return t.ending && t.length === 0 && t.bufferedRequest === null && !t.finished && !t.writing;
  }
  function Jp(t, e) {
    t._final(function (r) {
      (e.pendingcb--, r && at(t, r), (e.prefinished = !0), t.emit('prefinish'), Nt(t, e));
    });
  }
  function Zp(t, e) {
    !e.prefinished &&
      !e.finalCalled &&
      (typeof t._final == 'function' && !e.destroyed
        ? (e.pendingcb++, (e.finalCalled = !0), process.nextTick(Jp, t, e))
        : ((e.prefinished = !0), t.emit('prefinish')));
  }
  function Nt(t, e) {
    var r = Al(e);
    if (
      r &&
      (Zp(t, e), e.pendingcb === 0 && ((e.finished = !0), t.emit('finish'), e.autoDestroy))
    ) {
      var n = t._readableState;
      (!n || (n.autoDestroy && n.endEmitted)) && t.destroy();
    }
    return r;
  }
  function Qp(t, e, r) {
    ((e.ending = !0),
      Nt(t, e),
      r && (e.finished ? process.nextTick(r) : t.once('finish', r)),
      (e.ended = !0),
      (t.writable = !1));
  }
  function Xp(t, e, r) {
    var n = t.entry;
    for (t.entry = null; n;) {
      var i = n.callback;
      (e.pendingcb--, i(r), (n = n.next));
    }
    e.corkedRequestsFree.next = t;
  }
  Object.defineProperty(z.prototype, 'destroyed', {
    enumerable: !1,
    get: function () {
      return this._writableState === void 0 ? !1 : this._writableState.destroyed;
    },
    set: function (e) {
      this._writableState && (this._writableState.destroyed = e);
    },
  });
  z.prototype.destroy = Ai.destroy;
  z.prototype._undestroy = Ai.undestroy;
  z.prototype._destroy = function (t, e) {
    e(t);
  };
});
var qi = g((D1, Ll) => {
  'use strict';
  var em = I('util'),
    $l = Dr(),
    { LEVEL: jl } = V(),
    qt = (Ll.exports = function (e = {}) {
      ($l.call(this, { objectMode: !0, highWaterMark: e.highWaterMark }),
        (this.format = e.format),
        (this.level = e.level),
        (this.handleExceptions = e.handleExceptions),
        (this.handleRejections = e.handleRejections),
        (this.silent = e.silent),
        e.log && (this.log = e.log),
        e.logv && (this.logv = e.logv),
        e.close && (this.close = e.close),
        this.once('pipe', (r) => {
          ((this.levels = r.levels), (this.parent = r));
        }),
        this.once('unpipe', (r) => {
          r === this.parent && ((this.parent = null), this.close && this.close());
        }));
    });
  em.inherits(qt, $l);
  qt.prototype._write = function (e, r, n) {
    if (this.silent || (e.exception === !0 && !this.handleExceptions)) return n(null);
    let i = this.level || (this.parent && this.parent.level);
    if (!i || this.levels[i] >= this.levels[e[jl]]) {
      if (e && !this.format) return this.log(e, n);
      let s, o;
      try {
        o = this.format.transform(Object.assign({}, e), this.format.options);
      } catch (a) {
        s = a;
      }
      if (s || !o) {
        if ((n(), s)) throw s;
        return;
      }
      return this.log(o, n);
    }
    return ((this._writableState.sync = !1), n(null));
  };
  qt.prototype._writev = function (e, r) {
    if (this.logv) {
      let n = e.filter(this._accept, this);
      return n.length ? this.logv(n, r) : r(null);
    }
    for (let n = 0; n < e.length; n++) {
      if (!this._accept(e[n])) continue;
      if (e[n].chunk && !this.format) {
        this.log(e[n].chunk, e[n].callback);
        continue;
      }
      let i, s;
      try {
        s = this.format.transform(Object.assign({}, e[n].chunk), this.format.options);
      } catch (o) {
        i = o;
      }
      if (i || !s) {
        if ((e[n].callback(), i)) throw (r(null), i);
      } else this.log(s, e[n].callback);
    }
    return r(null);
  };
  qt.prototype._accept = function (e) {
    let r = e.chunk;
    if (this.silent) return !1;
    let n = this.level || (this.parent && this.parent.level);
    return !!(
      (r.exception === !0 || !n || this.levels[n] >= this.levels[r[jl]]) &&
      (this.handleExceptions || r.exception !== !0)
    );
  };
  qt.prototype._nop = function () {};
});
var ji = g((B1, Pl) => {
  'use strict';
  var tm = I('util'),
    { LEVEL: $i } = V(),
    Il = qi(),
    $t = (Pl.exports = function (e = {}) {
      if ((Il.call(this, e), !e.transport || typeof e.transport.log != 'function'))
        throw new Error('Invalid transport, must be an object with a log method.');
      ((this.transport = e.transport),
        (this.level = this.level || e.transport.level),
        (this.handleExceptions = this.handleExceptions || e.transport.handleExceptions),
        this._deprecated());
      function r(n) {
        this.emit('error', n, this.transport);
      }
      this.transport.__winstonError ||
        ((this.transport.__winstonError = r.bind(this)),
        this.transport.on('error', this.transport.__winstonError));
    });
  tm.inherits($t, Il);
  $t.prototype._write = function (e, r, n) {
    if (this.silent || (e.exception === !0 && !this.handleExceptions)) return n(null);
    ((!this.level || this.levels[this.level] >= this.levels[e[$i]]) &&
      this.transport.log(e[$i], e.message, e, this._nop),
      n(null));
  };
  $t.prototype._writev = function (e, r) {
    for (let n = 0; n < e.length; n++)
      this._accept(e[n]) &&
        (this.transport.log(e[n].chunk[$i], e[n].chunk.message, e[n].chunk, this._nop),
        e[n].callback());
    return r(null);
  };
  $t.prototype._deprecated = function () {
    console.error(
      [
        `${this.transport.name} is a legacy winston transport. Consider upgrading: `,
        '- Upgrade docs: https://github.com/winstonjs/winston/blob/master/UPGRADE-3.0.md',
      ].join(`
`),
    );
  };
  $t.prototype.close = function () {
    (this.transport.close && this.transport.close(),
      this.transport.__winstonError &&
        (this.transport.removeListener('error', this.transport.__winstonError),
        (this.transport.__winstonError = null)));
  };
});
var lt = g((U1, Li) => {
  'use strict';
  Li.exports = qi();
  Li.exports.LegacyTransportStream = ji();
});
var Dl = g((z1, Fl) => {
  'use strict';
  var rm = I('os'),
    { LEVEL: Cl, MESSAGE: ut } = V(),
    nm = lt();
  Fl.exports = class extends nm {
    constructor(e = {}) {
      (super(e),
        (this.name = e.name || 'console'),
        (this.stderrLevels = this._stringArrayToSet(e.stderrLevels)),
        (this.consoleWarnLevels = this._stringArrayToSet(e.consoleWarnLevels)),
        (this.eol = typeof e.eol == 'string' ? e.eol : rm.EOL),
        (this.forceConsole = e.forceConsole || !1),
        (this._consoleLog = console.log.bind(console)),
        (this._consoleWarn = console.warn.bind(console)),
        (this._consoleError = console.error.bind(console)),
        this.setMaxListeners(30));
    }
    log(e, r) {
      if ((setImmediate(() => this.emit('logged', e)), this.stderrLevels[e[Cl]])) {
        (console._stderr && !this.forceConsole
          ? console._stderr.write(`${e[ut]}${this.eol}`)
          : this._consoleError(e[ut]),
          r && r());
        return;
      } else if (this.consoleWarnLevels[e[Cl]]) {
        (console._stderr && !this.forceConsole
          ? console._stderr.write(`${e[ut]}${this.eol}`)
          : this._consoleWarn(e[ut]),
          r && r());
        return;
      }
      (console._stdout && !this.forceConsole
        ? console._stdout.write(`${e[ut]}${this.eol}`)
        : this._consoleLog(e[ut]),
        r && r());
    }
    _stringArrayToSet(e, r) {
      if (!e) return {};
      if (
        ((r = r || 'Cannot make set from type other than Array of string elements'),
        !Array.isArray(e))
      )
        throw new Error(r);
      return e.reduce((n, i) => {
        if (typeof i != 'string') throw new Error(r);
        return ((n[i] = !0), n);
      }, {});
    }
  };
});
var zr = g((Wr, Bl) => {
  'use strict';
  Object.defineProperty(Wr, '__esModule', { value: !0 });
  Wr.default = im;
  function im(t) {
    return t && typeof t.length == 'number' && t.length >= 0 && t.length % 1 === 0;
  }
  Bl.exports = Wr.default;
});
var Wl = g((Hr, Ul) => {
  'use strict';
  Object.defineProperty(Hr, '__esModule', { value: !0 });
  Hr.default = function (t) {
    return function (...e) {
      var r = e.pop();
      return t.call(this, e, r);
    };
  };
  Ul.exports = Hr.default;
});
var Gl = g(($e) => {
  'use strict';
  Object.defineProperty($e, '__esModule', { value: !0 });
  $e.fallback = zl;
  $e.wrap = Hl;
  var sm = ($e.hasQueueMicrotask = typeof queueMicrotask == 'function' && queueMicrotask),
    om = ($e.hasSetImmediate = typeof setImmediate == 'function' && setImmediate),
    am = ($e.hasNextTick = typeof process == 'object' && typeof process.nextTick == 'function');
  function zl(t) {
    setTimeout(t, 0);
  }
  function Hl(t) {
    return (e, ...r) => t(() => e(...r));
  }
  var jt;
  sm ? (jt = queueMicrotask) : om ? (jt = setImmediate) : am ? (jt = process.nextTick) : (jt = zl);
  $e.default = Hl(jt);
});
var Zl = g((Gr, Jl) => {
  'use strict';
  Object.defineProperty(Gr, '__esModule', { value: !0 });
  Gr.default = hm;
  var lm = Wl(),
    um = Kl(lm),
    cm = Gl(),
    fm = Kl(cm),
    dm = Ye();
  function Kl(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function hm(t) {
    return (0, dm.isAsync)(t)
      ? function (...e) {
          let r = e.pop(),
            n = t.apply(this, e);
          return Vl(n, r);
        }
      : (0, um.default)(function (e, r) {
          var n;
          try {
            n = t.apply(this, e);
          } catch (i) {
            return r(i);
          }
          if (n && typeof n.then == 'function') return Vl(n, r);
          r(null, n);
        });
  }
  function Vl(t, e) {
    return t.then(
      (r) => {
        Yl(e, null, r);
      },
      (r) => {
        Yl(e, r && (r instanceof Error || r.message) ? r : new Error(r));
      },
    );
  }
  function Yl(t, e, r) {
    try {
      t(e, r);
    } catch (n) {
      (0, fm.default)((i) => {
        throw i;
      }, n);
    }
  }
  Jl.exports = Gr.default;
});
var Ye = g((Ee) => {
  'use strict';
  Object.defineProperty(Ee, '__esModule', { value: !0 });
  Ee.isAsyncIterable = Ee.isAsyncGenerator = Ee.isAsync = void 0;
  var pm = Zl(),
    mm = gm(pm);
  function gm(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function Ql(t) {
    return t[Symbol.toStringTag] === 'AsyncFunction';
  }
  function bm(t) {
    return t[Symbol.toStringTag] === 'AsyncGenerator';
  }
  function ym(t) {
    return typeof t[Symbol.asyncIterator] == 'function';
  }
  function wm(t) {
    if (typeof t != 'function') throw new Error('expected a function');
    return Ql(t) ? (0, mm.default)(t) : t;
  }
  Ee.default = wm;
  Ee.isAsync = Ql;
  Ee.isAsyncGenerator = bm;
  Ee.isAsyncIterable = ym;
});
var ct = g((Vr, Xl) => {
  'use strict';
  Object.defineProperty(Vr, '__esModule', { value: !0 });
  Vr.default = _m;
  function _m(t, e) {
    if ((e || (e = t.length), !e)) throw new Error('arity is undefined');
    function r(...n) {
      return typeof n[e - 1] == 'function'
        ? t.apply(this, n)
        : new Promise((i, s) => {
            ((n[e - 1] = (o, ...a) => {
              if (o) return s(o);
              i(a.length > 1 ? a : a[0]);
            }),
              t.apply(this, n));
          });
    }
    return r;
  }
  Xl.exports = Vr.default;
});
var tu = g((Yr, eu) => {
  'use strict';
  Object.defineProperty(Yr, '__esModule', { value: !0 });
  var vm = zr(),
    xm = Ii(vm),
    Sm = Ye(),
    Em = Ii(Sm),
    Om = ct(),
    Mm = Ii(Om);
  function Ii(t) {
    return t && t.__esModule ? t : { default: t };
  }
  Yr.default = (0, Mm.default)((t, e, r) => {
    var n = (0, xm.default)(e) ? [] : {};
    t(
      e,
      (i, s, o) => {
        (0, Em.default)(i)((a, ...l) => {
          (l.length < 2 && ([l] = l), (n[s] = l), o(a));
        });
      },
      (i) => r(i, n),
    );
  }, 3);
  eu.exports = Yr.default;
});
var Pi = g((Kr, ru) => {
  'use strict';
  Object.defineProperty(Kr, '__esModule', { value: !0 });
  Kr.default = km;
  function km(t) {
    function e(...r) {
      if (t !== null) {
        var n = t;
        ((t = null), n.apply(this, r));
      }
    }
    return (Object.assign(e, t), e);
  }
  ru.exports = Kr.default;
});
var iu = g((Jr, nu) => {
  'use strict';
  Object.defineProperty(Jr, '__esModule', { value: !0 });
  Jr.default = function (t) {
    return t[Symbol.iterator] && t[Symbol.iterator]();
  };
  nu.exports = Jr.default;
});
var au = g((Zr, ou) => {
  'use strict';
  Object.defineProperty(Zr, '__esModule', { value: !0 });
  Zr.default = Lm;
  var Rm = zr(),
    Tm = su(Rm),
    Nm = iu(),
    Am = su(Nm);
  function su(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function qm(t) {
    var e = -1,
      r = t.length;
    return function () {
      return ++e < r ? { value: t[e], key: e } : null;
    };
  }
  function $m(t) {
    var e = -1;
    return function () {
      var n = t.next();
      return n.done ? null : (e++, { value: n.value, key: e });
    };
  }
  function jm(t) {
    var e = t ? Object.keys(t) : [],
      r = -1,
      n = e.length;
    return function i() {
      var s = e[++r];
      return s === '__proto__' ? i() : r < n ? { value: t[s], key: s } : null;
    };
  }
  function Lm(t) {
    if ((0, Tm.default)(t)) return qm(t);
    var e = (0, Am.default)(t);
    return e ? $m(e) : jm(t);
  }
  ou.exports = Zr.default;
});
var Ci = g((Qr, lu) => {
  'use strict';
  Object.defineProperty(Qr, '__esModule', { value: !0 });
  Qr.default = Im;
  function Im(t) {
    return function (...e) {
      if (t === null) throw new Error('Callback was already called.');
      var r = t;
      ((t = null), r.apply(this, e));
    };
  }
  lu.exports = Qr.default;
});
var en = g((Xr, uu) => {
  'use strict';
  Object.defineProperty(Xr, '__esModule', { value: !0 });
  var Pm = {};
  Xr.default = Pm;
  uu.exports = Xr.default;
});
var fu = g((tn, cu) => {
  'use strict';
  Object.defineProperty(tn, '__esModule', { value: !0 });
  tn.default = Bm;
  var Cm = en(),
    Fm = Dm(Cm);
  function Dm(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function Bm(t, e, r, n) {
    let i = !1,
      s = !1,
      o = !1,
      a = 0,
      l = 0;
    function u() {
      a >= e ||
        o ||
        i ||
        ((o = !0),
        t
          .next()
          .then(({ value: h, done: b }) => {
            if (!(s || i)) {
              if (((o = !1), b)) {
                ((i = !0), a <= 0 && n(null));
                return;
              }
              (a++, r(h, l, d), l++, u());
            }
          })
          .catch(f));
    }
    function d(h, b) {
      if (((a -= 1), !s)) {
        if (h) return f(h);
        if (h === !1) {
          ((i = !0), (s = !0));
          return;
        }
        if (b === Fm.default || (i && a <= 0)) return ((i = !0), n(null));
        u();
      }
    }
    function f(h) {
      s || ((o = !1), (i = !0), n(h));
    }
    u();
  }
  cu.exports = tn.default;
});
var mu = g((rn, pu) => {
  'use strict';
  Object.defineProperty(rn, '__esModule', { value: !0 });
  var Um = Pi(),
    Wm = Lt(Um),
    zm = au(),
    Hm = Lt(zm),
    Gm = Ci(),
    Vm = Lt(Gm),
    du = Ye(),
    Ym = fu(),
    hu = Lt(Ym),
    Km = en(),
    Jm = Lt(Km);
  function Lt(t) {
    return t && t.__esModule ? t : { default: t };
  }
  rn.default = (t) => (e, r, n) => {
    if (((n = (0, Wm.default)(n)), t <= 0))
      throw new RangeError('concurrency limit cannot be less than 1');
    if (!e) return n(null);
    if ((0, du.isAsyncGenerator)(e)) return (0, hu.default)(e, t, r, n);
    if ((0, du.isAsyncIterable)(e)) return (0, hu.default)(e[Symbol.asyncIterator](), t, r, n);
    var i = (0, Hm.default)(e),
      s = !1,
      o = !1,
      a = 0,
      l = !1;
    function u(f, h) {
      if (!o)
        if (((a -= 1), f)) ((s = !0), n(f));
        else if (f === !1) ((s = !0), (o = !0));
        else {
          if (h === Jm.default || (s && a <= 0)) return ((s = !0), n(null));
          l || d();
        }
    }
    function d() {
      for (l = !0; a < t && !s;) {
        var f = i();
        if (f === null) {
          ((s = !0), a <= 0 && n(null));
          return;
        }
        ((a += 1), r(f.value, f.key, (0, Vm.default)(u)));
      }
      l = !1;
    }
    d();
  };
  pu.exports = rn.default;
});
var Di = g((nn, gu) => {
  'use strict';
  Object.defineProperty(nn, '__esModule', { value: !0 });
  var Zm = mu(),
    Qm = Fi(Zm),
    Xm = Ye(),
    eg = Fi(Xm),
    tg = ct(),
    rg = Fi(tg);
  function Fi(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function ng(t, e, r, n) {
    return (0, Qm.default)(e)(t, (0, eg.default)(r), n);
  }
  nn.default = (0, rg.default)(ng, 4);
  gu.exports = nn.default;
});
var wu = g((sn, yu) => {
  'use strict';
  Object.defineProperty(sn, '__esModule', { value: !0 });
  var ig = Di(),
    sg = bu(ig),
    og = ct(),
    ag = bu(og);
  function bu(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function lg(t, e, r) {
    return (0, sg.default)(t, 1, e, r);
  }
  sn.default = (0, ag.default)(lg, 3);
  yu.exports = sn.default;
});
var xu = g((on, vu) => {
  'use strict';
  Object.defineProperty(on, '__esModule', { value: !0 });
  on.default = hg;
  var ug = tu(),
    cg = _u(ug),
    fg = wu(),
    dg = _u(fg);
  function _u(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function hg(t, e) {
    return (0, cg.default)(dg.default, t, e);
  }
  vu.exports = on.default;
});
var Bi = g((V1, Eu) => {
  'use strict';
  Eu.exports = Oe;
  var an = Re().codes,
    pg = an.ERR_METHOD_NOT_IMPLEMENTED,
    mg = an.ERR_MULTIPLE_CALLBACK,
    gg = an.ERR_TRANSFORM_ALREADY_TRANSFORMING,
    bg = an.ERR_TRANSFORM_WITH_LENGTH_0,
    ln = Ve();
  nt()(Oe, ln);
  function yg(t, e) {
    var r = this._transformState;
    r.transforming = !1;
    var n = r.writecb;
    if (n === null) return this.emit('error', new mg());
    ((r.writechunk = null), (r.writecb = null), e != null && this.push(e), n(t));
    var i = this._readableState;
    ((i.reading = !1),
      (i.needReadable || i.length < i.highWaterMark) && this._read(i.highWaterMark));
  }
  function Oe(t) {
    if (!(this instanceof Oe)) return new Oe(t);
    (ln.call(this, t),
      (this._transformState = {
        afterTransform: yg.bind(this),
        needTransform: !1,
        transforming: !1,
        writecb: null,
        writechunk: null,
        writeencoding: null,
      }),
      (this._readableState.needReadable = !0),
      (this._readableState.sync = !1),
      t &&
        (typeof t.transform == 'function' && (this._transform = t.transform),
        typeof t.flush == 'function' && (this._flush = t.flush)),
      this.on('prefinish', wg));
  }
  function wg() {
    var t = this;
    typeof this._flush == 'function' && !this._readableState.destroyed
      ? this._flush(function (e, r) {
          Su(t, e, r);
        })
      : Su(this, null, null);
  }
  Oe.prototype.push = function (t, e) {
    return ((this._transformState.needTransform = !1), ln.prototype.push.call(this, t, e));
  };
  Oe.prototype._transform = function (t, e, r) {
    r(new pg('_transform()'));
  };
  Oe.prototype._write = function (t, e, r) {
    var n = this._transformState;
    if (((n.writecb = r), (n.writechunk = t), (n.writeencoding = e), !n.transforming)) {
      var i = this._readableState;
      (n.needTransform || i.needReadable || i.length < i.highWaterMark) &&
        this._read(i.highWaterMark);
    }
  };
  Oe.prototype._read = function (t) {
    var e = this._transformState;
    e.writechunk !== null && !e.transforming
      ? ((e.transforming = !0), this._transform(e.writechunk, e.writeencoding, e.afterTransform))
      : (e.needTransform = !0);
  };
  Oe.prototype._destroy = function (t, e) {
    ln.prototype._destroy.call(this, t, function (r) {
      e(r);
    });
  };
  function Su(t, e, r) {
    if (e) return t.emit('error', e);
    if ((r != null && t.push(r), t._writableState.length)) throw new bg();
    if (t._transformState.transforming) throw new gg();
    return t.push(null);
  }
});
var ku = g((Y1, Mu) => {
  'use strict';
  Mu.exports = It;
  var Ou = Bi();
  nt()(It, Ou);
  function It(t) {
    if (!(this instanceof It)) return new It(t);
    Ou.call(this, t);
  }
  It.prototype._transform = function (t, e, r) {
    r(null, t);
  };
});
var qu = g((K1, Au) => {
  'use strict';
  var Ui;
  function _g(t) {
    var e = !1;
    return function () {
      e || ((e = !0), t.apply(void 0, arguments));
    };
  }
  var Nu = Re().codes,
    vg = Nu.ERR_MISSING_ARGS,
    xg = Nu.ERR_STREAM_DESTROYED;
  function Ru(t) {
    if (t) throw t;
  }
  function Sg(t) {
    return t.setHeader && typeof t.abort == 'function';
  }
  function Eg(t, e, r, n) {
    n = _g(n);
    var i = !1;
    (t.on('close', function () {
      i = !0;
    }),
      Ui === void 0 && (Ui = qr()),
      Ui(t, { readable: e, writable: r }, function (o) {
        if (o) return n(o);
        ((i = !0), n());
      }));
    var s = !1;
    return function (o) {
      if (!i && !s) {
        if (((s = !0), Sg(t))) return t.abort();
        if (typeof t.destroy == 'function') return t.destroy();
        n(o || new xg('pipe'));
      }
    };
  }
  function Tu(t) {
    t();
  }
  function Og(t, e) {
    return t.pipe(e);
  }
  function Mg(t) {
    return !t.length || typeof t[t.length - 1] != 'function' ? Ru : t.pop();
  }
  function kg() {
    for (var t = arguments.length, e = new Array(t), r = 0; r < t; r++) e[r] = arguments[r];
    var n = Mg(e);
    if ((Array.isArray(e[0]) && (e = e[0]), e.length < 2)) throw new vg('streams');
    var i,
      s = e.map(function (o, a) {
        var l = a < e.length - 1,
          u = a > 0;
        return Eg(o, l, u, function (d) {
          (i || (i = d), d && s.forEach(Tu), !l && (s.forEach(Tu), n(i)));
        });
      });
    return e.reduce(Og);
  }
  Au.exports = kg;
});
var Ke = g((ce, Ct) => {
  var Pt = I('stream');
  process.env.READABLE_STREAM === 'disable' && Pt
    ? ((Ct.exports = Pt.Readable), Object.assign(Ct.exports, Pt), (Ct.exports.Stream = Pt))
    : ((ce = Ct.exports = ki()),
      (ce.Stream = Pt || ce),
      (ce.Readable = ce),
      (ce.Writable = Dr()),
      (ce.Duplex = Ve()),
      (ce.Transform = Bi()),
      (ce.PassThrough = ku()),
      (ce.finished = qr()),
      (ce.pipeline = qu()));
});
var Ki = g((J1, ju) => {
  var ft = [],
    Ft = [],
    Wi = function () {};
  function Hi(t) {
    return ~ft.indexOf(t) ? !1 : (ft.push(t), !0);
  }
  function Gi(t) {
    Wi = t;
  }
  function Rg(t) {
    for (var e = [], r = 0; r < ft.length; r++) {
      if (ft[r].async) {
        e.push(ft[r]);
        continue;
      }
      if (ft[r](t)) return !0;
    }
    return e.length
      ? new Promise(function (i) {
          Promise.all(
            e.map(function (o) {
              return o(t);
            }),
          ).then(function (o) {
            i(o.some(Boolean));
          });
        })
      : !1;
  }
  function Vi(t) {
    return ~Ft.indexOf(t) ? !1 : (Ft.push(t), !0);
  }
  function zi() {
    Wi.apply(Wi, arguments);
  }
  function $u(t) {
    for (var e = 0; e < Ft.length; e++) t = Ft[e].apply(Ft[e], arguments);
    return t;
  }
  function Yi(t, e) {
    var r = Object.prototype.hasOwnProperty;
    for (var n in e) r.call(e, n) && (t[n] = e[n]);
    return t;
  }
  function Tg(t) {
    return (
      (t.enabled = !1),
      (t.modify = Vi),
      (t.set = Gi),
      (t.use = Hi),
      Yi(function () {
        return !1;
      }, t)
    );
  }
  function Ng(t) {
    function e() {
      var r = Array.prototype.slice.call(arguments, 0);
      return (zi.call(zi, t, $u(r, t)), !0);
    }
    return ((t.enabled = !0), (t.modify = Vi), (t.set = Gi), (t.use = Hi), Yi(e, t));
  }
  ju.exports = function (e) {
    return (
      (e.introduce = Yi),
      (e.enabled = Rg),
      (e.process = $u),
      (e.modify = Vi),
      (e.write = zi),
      (e.nope = Tg),
      (e.yep = Ng),
      (e.set = Gi),
      (e.use = Hi),
      e
    );
  };
});
var Iu = g((Z1, Lu) => {
  var Ag = Ki(),
    qg = Ag(function t(e, r) {
      return (
        (r = r || {}),
        (r.namespace = e),
        (r.prod = !0),
        (r.dev = !1),
        r.force || t.force ? t.yep(r) : t.nope(r)
      );
    });
  Lu.exports = qg;
});
var Uu = g((Q1, Bu) => {
  'use strict';
  var _e = {
      aliceblue: [240, 248, 255],
      antiquewhite: [250, 235, 215],
      aqua: [0, 255, 255],
      aquamarine: [127, 255, 212],
      azure: [240, 255, 255],
      beige: [245, 245, 220],
      bisque: [255, 228, 196],
      black: [0, 0, 0],
      blanchedalmond: [255, 235, 205],
      blue: [0, 0, 255],
      blueviolet: [138, 43, 226],
      brown: [165, 42, 42],
      burlywood: [222, 184, 135],
      cadetblue: [95, 158, 160],
      chartreuse: [127, 255, 0],
      chocolate: [210, 105, 30],
      coral: [255, 127, 80],
      cornflowerblue: [100, 149, 237],
      cornsilk: [255, 248, 220],
      crimson: [220, 20, 60],
      cyan: [0, 255, 255],
      darkblue: [0, 0, 139],
      darkcyan: [0, 139, 139],
      darkgoldenrod: [184, 134, 11],
      darkgray: [169, 169, 169],
      darkgreen: [0, 100, 0],
      darkgrey: [169, 169, 169],
      darkkhaki: [189, 183, 107],
      darkmagenta: [139, 0, 139],
      darkolivegreen: [85, 107, 47],
      darkorange: [255, 140, 0],
      darkorchid: [153, 50, 204],
      darkred: [139, 0, 0],
      darksalmon: [233, 150, 122],
      darkseagreen: [143, 188, 143],
      darkslateblue: [72, 61, 139],
      darkslategray: [47, 79, 79],
      darkslategrey: [47, 79, 79],
      darkturquoise: [0, 206, 209],
      darkviolet: [148, 0, 211],
      deeppink: [255, 20, 147],
      deepskyblue: [0, 191, 255],
      dimgray: [105, 105, 105],
      dimgrey: [105, 105, 105],
      dodgerblue: [30, 144, 255],
      firebrick: [178, 34, 34],
      floralwhite: [255, 250, 240],
      forestgreen: [34, 139, 34],
      fuchsia: [255, 0, 255],
      gainsboro: [220, 220, 220],
      ghostwhite: [248, 248, 255],
      gold: [255, 215, 0],
      goldenrod: [218, 165, 32],
      gray: [128, 128, 128],
      green: [0, 128, 0],
      greenyellow: [173, 255, 47],
      grey: [128, 128, 128],
      honeydew: [240, 255, 240],
      hotpink: [255, 105, 180],
      indianred: [205, 92, 92],
      indigo: [75, 0, 130],
      ivory: [255, 255, 240],
      khaki: [240, 230, 140],
      lavender: [230, 230, 250],
      lavenderblush: [255, 240, 245],
      lawngreen: [124, 252, 0],
      lemonchiffon: [255, 250, 205],
      lightblue: [173, 216, 230],
      lightcoral: [240, 128, 128],
      lightcyan: [224, 255, 255],
      lightgoldenrodyellow: [250, 250, 210],
      lightgray: [211, 211, 211],
      lightgreen: [144, 238, 144],
      lightgrey: [211, 211, 211],
      lightpink: [255, 182, 193],
      lightsalmon: [255, 160, 122],
      lightseagreen: [32, 178, 170],
      lightskyblue: [135, 206, 250],
      lightslategray: [119, 136, 153],
      lightslategrey: [119, 136, 153],
      lightsteelblue: [176, 196, 222],
      lightyellow: [255, 255, 224],
      lime: [0, 255, 0],
      limegreen: [50, 205, 50],
      linen: [250, 240, 230],
      magenta: [255, 0, 255],
      maroon: [128, 0, 0],
      mediumaquamarine: [102, 205, 170],
      mediumblue: [0, 0, 205],
      mediumorchid: [186, 85, 211],
      mediumpurple: [147, 112, 219],
      mediumseagreen: [60, 179, 113],
      mediumslateblue: [123, 104, 238],
      mediumspringgreen: [0, 250, 154],
      mediumturquoise: [72, 209, 204],
      mediumvioletred: [199, 21, 133],
      midnightblue: [25, 25, 112],
      mintcream: [245, 255, 250],
      mistyrose: [255, 228, 225],
      moccasin: [255, 228, 181],
      navajowhite: [255, 222, 173],
      navy: [0, 0, 128],
      oldlace: [253, 245, 230],
      olive: [128, 128, 0],
      olivedrab: [107, 142, 35],
      orange: [255, 165, 0],
      orangered: [255, 69, 0],
      orchid: [218, 112, 214],
      palegoldenrod: [238, 232, 170],
      palegreen: [152, 251, 152],
      paleturquoise: [175, 238, 238],
      palevioletred: [219, 112, 147],
      papayawhip: [255, 239, 213],
      peachpuff: [255, 218, 185],
      peru: [205, 133, 63],
      pink: [255, 192, 203],
      plum: [221, 160, 221],
      powderblue: [176, 224, 230],
      purple: [128, 0, 128],
      rebeccapurple: [102, 51, 153],
      red: [255, 0, 0],
      rosybrown: [188, 143, 143],
      royalblue: [65, 105, 225],
      saddlebrown: [139, 69, 19],
      salmon: [250, 128, 114],
      sandybrown: [244, 164, 96],
      seagreen: [46, 139, 87],
      seashell: [255, 245, 238],
      sienna: [160, 82, 45],
      silver: [192, 192, 192],
      skyblue: [135, 206, 235],
      slateblue: [106, 90, 205],
      slategray: [112, 128, 144],
      slategrey: [112, 128, 144],
      snow: [255, 250, 250],
      springgreen: [0, 255, 127],
      steelblue: [70, 130, 180],
      tan: [210, 180, 140],
      teal: [0, 128, 128],
      thistle: [216, 191, 216],
      tomato: [255, 99, 71],
      turquoise: [64, 224, 208],
      violet: [238, 130, 238],
      wheat: [245, 222, 179],
      white: [255, 255, 255],
      whitesmoke: [245, 245, 245],
      yellow: [255, 255, 0],
      yellowgreen: [154, 205, 50],
    },
    Cu = Object.create(null);
  for (let t in _e) Object.hasOwn(_e, t) && (Cu[_e[t]] = t);
  var J = { to: {}, get: {} };
  J.get = function (t) {
    let e = t.slice(0, 3).toLowerCase(),
      r,
      n;
    switch (e) {
      case 'hsl': {
        ((r = J.get.hsl(t)), (n = 'hsl'));
        break;
      }
      case 'hwb': {
        ((r = J.get.hwb(t)), (n = 'hwb'));
        break;
      }
      default: {
        ((r = J.get.rgb(t)), (n = 'rgb'));
        break;
      }
    }
    return r ? { model: n, value: r } : null;
  };
  J.get.rgb = function (t) {
    if (!t) return null;
    let e = /^#([a-f\d]{3,4})$/i,
      r = /^#([a-f\d]{6})([a-f\d]{2})?$/i,
      n =
        /^rgba?\(\s*([+-]?\d+)(?=[\s,])\s*(?:,\s*)?([+-]?\d+)(?=[\s,])\s*(?:,\s*)?([+-]?\d+)\s*(?:[\s,|/]\s*([+-]?[\d.]+)(%?)\s*)?\)$/,
      i =
        /^rgba?\(\s*([+-]?[\d.]+)%\s*,?\s*([+-]?[\d.]+)%\s*,?\s*([+-]?[\d.]+)%\s*(?:[\s,|/]\s*([+-]?[\d.]+)(%?)\s*)?\)$/,
      s = /^(\w+)$/,
      o = [0, 0, 0, 1],
      a,
      l,
      u;
    if ((a = t.match(r))) {
      for (u = a[2], a = a[1], l = 0; l < 3; l++) {
        let d = l * 2;
        o[l] = Number.parseInt(a.slice(d, d + 2), 16);
      }
      u && (o[3] = Number.parseInt(u, 16) / 255);
    } else if ((a = t.match(e))) {
      for (a = a[1], u = a[3], l = 0; l < 3; l++) o[l] = Number.parseInt(a[l] + a[l], 16);
      u && (o[3] = Number.parseInt(u + u, 16) / 255);
    } else if ((a = t.match(n))) {
      for (l = 0; l < 3; l++) o[l] = Number.parseInt(a[l + 1], 10);
      a[4] && (o[3] = a[5] ? Number.parseFloat(a[4]) * 0.01 : Number.parseFloat(a[4]));
    } else if ((a = t.match(i))) {
      for (l = 0; l < 3; l++) o[l] = Math.round(Number.parseFloat(a[l + 1]) * 2.55);
      a[4] && (o[3] = a[5] ? Number.parseFloat(a[4]) * 0.01 : Number.parseFloat(a[4]));
    } else
      return (a = t.match(s))
        ? a[1] === 'transparent'
          ? [0, 0, 0, 0]
          : Object.hasOwn(_e, a[1])
            ? ((o = _e[a[1]]), (o[3] = 1), o)
            : null
        : null;
    for (l = 0; l < 3; l++) o[l] = je(o[l], 0, 255);
    return ((o[3] = je(o[3], 0, 1)), o);
  };
  J.get.hsl = function (t) {
    if (!t) return null;
    let e =
        /^hsla?\(\s*([+-]?(?:\d{0,3}\.)?\d+)(?:deg)?\s*,?\s*([+-]?[\d.]+)%\s*,?\s*([+-]?[\d.]+)%\s*(?:[,|/]\s*([+-]?(?=\.\d|\d)(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d+)?)\s*)?\)$/,
      r = t.match(e);
    if (r) {
      let n = Number.parseFloat(r[4]),
        i = ((Number.parseFloat(r[1]) % 360) + 360) % 360,
        s = je(Number.parseFloat(r[2]), 0, 100),
        o = je(Number.parseFloat(r[3]), 0, 100),
        a = je(Number.isNaN(n) ? 1 : n, 0, 1);
      return [i, s, o, a];
    }
    return null;
  };
  J.get.hwb = function (t) {
    if (!t) return null;
    let e =
        /^hwb\(\s*([+-]?\d{0,3}(?:\.\d+)?)(?:deg)?\s*[\s,]\s*([+-]?[\d.]+)%\s*[\s,]\s*([+-]?[\d.]+)%\s*(?:[\s,]\s*([+-]?(?=\.\d|\d)(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d+)?)\s*)?\)$/,
      r = t.match(e);
    if (r) {
      let n = Number.parseFloat(r[4]),
        i = ((Number.parseFloat(r[1]) % 360) + 360) % 360,
        s = je(Number.parseFloat(r[2]), 0, 100),
        o = je(Number.parseFloat(r[3]), 0, 100),
        a = je(Number.isNaN(n) ? 1 : n, 0, 1);
      return [i, s, o, a];
    }
    return null;
  };
  J.to.hex = function (...t) {
    return '#' + un(t[0]) + un(t[1]) + un(t[2]) + (t[3] < 1 ? un(Math.round(t[3] * 255)) : '');
  };
  J.to.rgb = function (...t) {
    return t.length < 4 || t[3] === 1
      ? 'rgb(' + Math.round(t[0]) + ', ' + Math.round(t[1]) + ', ' + Math.round(t[2]) + ')'
      : 'rgba(' +
          Math.round(t[0]) +
          ', ' +
          Math.round(t[1]) +
          ', ' +
          Math.round(t[2]) +
          ', ' +
          t[3] +
          ')';
  };
  J.to.rgb.percent = function (...t) {
    let e = Math.round((t[0] / 255) * 100),
      r = Math.round((t[1] / 255) * 100),
      n = Math.round((t[2] / 255) * 100);
    return t.length < 4 || t[3] === 1
      ? 'rgb(' + e + '%, ' + r + '%, ' + n + '%)'
      : 'rgba(' + e + '%, ' + r + '%, ' + n + '%, ' + t[3] + ')';
  };
  J.to.hsl = function (...t) {
    return t.length < 4 || t[3] === 1
      ? 'hsl(' + t[0] + ', ' + t[1] + '%, ' + t[2] + '%)'
      : 'hsla(' + t[0] + ', ' + t[1] + '%, ' + t[2] + '%, ' + t[3] + ')';
  };
  J.to.hwb = function (...t) {
    let e = '';
    return (
      t.length >= 4 && t[3] !== 1 && (e = ', ' + t[3]),
      'hwb(' + t[0] + ', ' + t[1] + '%, ' + t[2] + '%' + e + ')'
    );
  };
  J.to.keyword = function (...t) {
    return Cu[t.slice(0, 3)];
  };
  function je(t, e, r) {
    return Math.min(Math.max(e, t), r);
  }
  function un(t) {
    let e = Math.round(t).toString(16).toUpperCase();
    return e.length < 2 ? '0' + e : e;
  }
  var Fu = {};
  for (let t of Object.keys(_e)) Fu[_e[t]] = t;
  var _ = {
      rgb: { channels: 3, labels: 'rgb' },
      hsl: { channels: 3, labels: 'hsl' },
      hsv: { channels: 3, labels: 'hsv' },
      hwb: { channels: 3, labels: 'hwb' },
      cmyk: { channels: 4, labels: 'cmyk' },
      xyz: { channels: 3, labels: 'xyz' },
      lab: { channels: 3, labels: 'lab' },
      oklab: { channels: 3, labels: ['okl', 'oka', 'okb'] },
      lch: { channels: 3, labels: 'lch' },
      oklch: { channels: 3, labels: ['okl', 'okc', 'okh'] },
      hex: { channels: 1, labels: ['hex'] },
      keyword: { channels: 1, labels: ['keyword'] },
      ansi16: { channels: 1, labels: ['ansi16'] },
      ansi256: { channels: 1, labels: ['ansi256'] },
      hcg: { channels: 3, labels: ['h', 'c', 'g'] },
      apple: { channels: 3, labels: ['r16', 'g16', 'b16'] },
      gray: { channels: 1, labels: ['gray'] },
    },
    Me = (6 / 29) ** 3;
  function dt(t) {
    let e = t > 0.0031308 ? 1.055 * t ** 0.4166666666666667 - 0.055 : t * 12.92;
    return Math.min(Math.max(0, e), 1);
  }
  function ht(t) {
    return t > 0.04045 ? ((t + 0.055) / 1.055) ** 2.4 : t / 12.92;
  }
  for (let t of Object.keys(_)) {
    if (!('channels' in _[t])) throw new Error('missing channels property: ' + t);
    if (!('labels' in _[t])) throw new Error('missing channel labels property: ' + t);
    if (_[t].labels.length !== _[t].channels)
      throw new Error('channel and label counts mismatch: ' + t);
    let { channels: e, labels: r } = _[t];
    (delete _[t].channels,
      delete _[t].labels,
      Object.defineProperty(_[t], 'channels', { value: e }),
      Object.defineProperty(_[t], 'labels', { value: r }));
  }
  _.rgb.hsl = function (t) {
    let e = t[0] / 255,
      r = t[1] / 255,
      n = t[2] / 255,
      i = Math.min(e, r, n),
      s = Math.max(e, r, n),
      o = s - i,
      a,
      l;
    switch (s) {
      case i: {
        a = 0;
        break;
      }
      case e: {
        a = (r - n) / o;
        break;
      }
      case r: {
        a = 2 + (n - e) / o;
        break;
      }
      case n: {
        a = 4 + (e - r) / o;
        break;
      }
    }
    ((a = Math.min(a * 60, 360)), a < 0 && (a += 360));
    let u = (i + s) / 2;
    return (
      s === i ? (l = 0) : u <= 0.5 ? (l = o / (s + i)) : (l = o / (2 - s - i)),
      [a, l * 100, u * 100]
    );
  };
  _.rgb.hsv = function (t) {
    let e,
      r,
      n,
      i,
      s,
      o = t[0] / 255,
      a = t[1] / 255,
      l = t[2] / 255,
      u = Math.max(o, a, l),
      d = u - Math.min(o, a, l),
      f = function (h) {
        return (u - h) / 6 / d + 1 / 2;
      };
    if (d === 0) ((i = 0), (s = 0));
    else {
      switch (((s = d / u), (e = f(o)), (r = f(a)), (n = f(l)), u)) {
        case o: {
          i = n - r;
          break;
        }
        case a: {
          i = 1 / 3 + e - n;
          break;
        }
        case l: {
          i = 2 / 3 + r - e;
          break;
        }
      }
      i < 0 ? (i += 1) : i > 1 && (i -= 1);
    }
    return [i * 360, s * 100, u * 100];
  };
  _.rgb.hwb = function (t) {
    let e = t[0],
      r = t[1],
      n = t[2],
      i = _.rgb.hsl(t)[0],
      s = (1 / 255) * Math.min(e, Math.min(r, n));
    return ((n = 1 - (1 / 255) * Math.max(e, Math.max(r, n))), [i, s * 100, n * 100]);
  };
  _.rgb.oklab = function (t) {
    let e = ht(t[0] / 255),
      r = ht(t[1] / 255),
      n = ht(t[2] / 255),
      i = Math.cbrt(0.4122214708 * e + 0.5363325363 * r + 0.0514459929 * n),
      s = Math.cbrt(0.2119034982 * e + 0.6806995451 * r + 0.1073969566 * n),
      o = Math.cbrt(0.0883024619 * e + 0.2817188376 * r + 0.6299787005 * n),
      a = 0.2104542553 * i + 0.793617785 * s - 0.0040720468 * o,
      l = 1.9779984951 * i - 2.428592205 * s + 0.4505937099 * o,
      u = 0.0259040371 * i + 0.7827717662 * s - 0.808675766 * o;
    return [a * 100, l * 100, u * 100];
  };
  _.rgb.cmyk = function (t) {
    let e = t[0] / 255,
      r = t[1] / 255,
      n = t[2] / 255,
      i = Math.min(1 - e, 1 - r, 1 - n),
      s = (1 - e - i) / (1 - i) || 0,
      o = (1 - r - i) / (1 - i) || 0,
      a = (1 - n - i) / (1 - i) || 0;
    return [s * 100, o * 100, a * 100, i * 100];
  };
  function $g(t, e) {
    return (t[0] - e[0]) ** 2 + (t[1] - e[1]) ** 2 + (t[2] - e[2]) ** 2;
  }
  _.rgb.keyword = function (t) {
    let e = Fu[t];
    if (e) return e;
    let r = Number.POSITIVE_INFINITY,
      n;
    for (let i of Object.keys(_e)) {
      let s = _e[i],
        o = $g(t, s);
      o < r && ((r = o), (n = i));
    }
    return n;
  };
  _.keyword.rgb = function (t) {
    return _e[t];
  };
  _.rgb.xyz = function (t) {
    let e = ht(t[0] / 255),
      r = ht(t[1] / 255),
      n = ht(t[2] / 255),
      i = e * 0.4124564 + r * 0.3575761 + n * 0.1804375,
      s = e * 0.2126729 + r * 0.7151522 + n * 0.072175,
      o = e * 0.0193339 + r * 0.119192 + n * 0.9503041;
    return [i * 100, s * 100, o * 100];
  };
  _.rgb.lab = function (t) {
    let e = _.rgb.xyz(t),
      r = e[0],
      n = e[1],
      i = e[2];
    ((r /= 95.047),
      (n /= 100),
      (i /= 108.883),
      (r = r > Me ? r ** (1 / 3) : 7.787 * r + 16 / 116),
      (n = n > Me ? n ** (1 / 3) : 7.787 * n + 16 / 116),
      (i = i > Me ? i ** (1 / 3) : 7.787 * i + 16 / 116));
    let s = 116 * n - 16,
      o = 500 * (r - n),
      a = 200 * (n - i);
    return [s, o, a];
  };
  _.hsl.rgb = function (t) {
    let e = t[0] / 360,
      r = t[1] / 100,
      n = t[2] / 100,
      i,
      s;
    if (r === 0) return ((s = n * 255), [s, s, s]);
    let o = n < 0.5 ? n * (1 + r) : n + r - n * r,
      a = 2 * n - o,
      l = [0, 0, 0];
    for (let u = 0; u < 3; u++)
      ((i = e + (1 / 3) * -(u - 1)),
        i < 0 && i++,
        i > 1 && i--,
        6 * i < 1
          ? (s = a + (o - a) * 6 * i)
          : 2 * i < 1
            ? (s = o)
            : 3 * i < 2
              ? (s = a + (o - a) * (2 / 3 - i) * 6)
              : (s = a),
        (l[u] = s * 255));
    return l;
  };
  _.hsl.hsv = function (t) {
    let e = t[0],
      r = t[1] / 100,
      n = t[2] / 100,
      i = r,
      s = Math.max(n, 0.01);
    ((n *= 2), (r *= n <= 1 ? n : 2 - n), (i *= s <= 1 ? s : 2 - s));
    let o = (n + r) / 2,
      a = n === 0 ? (2 * i) / (s + i) : (2 * r) / (n + r);
    return [e, a * 100, o * 100];
  };
  _.hsv.rgb = function (t) {
    let e = t[0] / 60,
      r = t[1] / 100,
      n = t[2] / 100,
      i = Math.floor(e) % 6,
      s = e - Math.floor(e),
      o = 255 * n * (1 - r),
      a = 255 * n * (1 - r * s),
      l = 255 * n * (1 - r * (1 - s));
    switch (((n *= 255), i)) {
      case 0:
        return [n, l, o];
      case 1:
        return [a, n, o];
      case 2:
        return [o, n, l];
      case 3:
        return [o, a, n];
      case 4:
        return [l, o, n];
      case 5:
        return [n, o, a];
    }
  };
  _.hsv.hsl = function (t) {
    let e = t[0],
      r = t[1] / 100,
      n = t[2] / 100,
      i = Math.max(n, 0.01),
      s,
      o;
    o = (2 - r) * n;
    let a = (2 - r) * i;
    return ((s = r * i), (s /= a <= 1 ? a : 2 - a), (s = s || 0), (o /= 2), [e, s * 100, o * 100]);
  };
  _.hwb.rgb = function (t) {
    let e = t[0] / 360,
      r = t[1] / 100,
      n = t[2] / 100,
      i = r + n,
      s;
    i > 1 && ((r /= i), (n /= i));
    let o = Math.floor(6 * e),
      a = 1 - n;
    ((s = 6 * e - o), (o & 1) !== 0 && (s = 1 - s));
    let l = r + s * (a - r),
      u,
      d,
      f;
    switch (o) {
      default:
      case 6:
      case 0: {
        ((u = a), (d = l), (f = r));
        break;
      }
      case 1: {
        ((u = l), (d = a), (f = r));
        break;
      }
      case 2: {
        ((u = r), (d = a), (f = l));
        break;
      }
      case 3: {
        ((u = r), (d = l), (f = a));
        break;
      }
      case 4: {
        ((u = l), (d = r), (f = a));
        break;
      }
      case 5: {
        ((u = a), (d = r), (f = l));
        break;
      }
    }
    return [u * 255, d * 255, f * 255];
  };
  _.cmyk.rgb = function (t) {
    let e = t[0] / 100,
      r = t[1] / 100,
      n = t[2] / 100,
      i = t[3] / 100,
      s = 1 - Math.min(1, e * (1 - i) + i),
      o = 1 - Math.min(1, r * (1 - i) + i),
      a = 1 - Math.min(1, n * (1 - i) + i);
    return [s * 255, o * 255, a * 255];
  };
  _.xyz.rgb = function (t) {
    let e = t[0] / 100,
      r = t[1] / 100,
      n = t[2] / 100,
      i,
      s,
      o;
    return (
      (i = e * 3.2404542 + r * -1.5371385 + n * -0.4985314),
      (s = e * -0.969266 + r * 1.8760108 + n * 0.041556),
      (o = e * 0.0556434 + r * -0.2040259 + n * 1.0572252),
      (i = dt(i)),
      (s = dt(s)),
      (o = dt(o)),
      [i * 255, s * 255, o * 255]
    );
  };
  _.xyz.lab = function (t) {
    let e = t[0],
      r = t[1],
      n = t[2];
    ((e /= 95.047),
      (r /= 100),
      (n /= 108.883),
      (e = e > Me ? e ** (1 / 3) : 7.787 * e + 16 / 116),
      (r = r > Me ? r ** (1 / 3) : 7.787 * r + 16 / 116),
      (n = n > Me ? n ** (1 / 3) : 7.787 * n + 16 / 116));
    let i = 116 * r - 16,
      s = 500 * (e - r),
      o = 200 * (r - n);
    return [i, s, o];
  };
  _.xyz.oklab = function (t) {
    let e = t[0] / 100,
      r = t[1] / 100,
      n = t[2] / 100,
      i = Math.cbrt(0.8189330101 * e + 0.3618667424 * r - 0.1288597137 * n),
      s = Math.cbrt(0.0329845436 * e + 0.9293118715 * r + 0.0361456387 * n),
      o = Math.cbrt(0.0482003018 * e + 0.2643662691 * r + 0.633851707 * n),
      a = 0.2104542553 * i + 0.793617785 * s - 0.0040720468 * o,
      l = 1.9779984951 * i - 2.428592205 * s + 0.4505937099 * o,
      u = 0.0259040371 * i + 0.7827717662 * s - 0.808675766 * o;
    return [a * 100, l * 100, u * 100];
  };
  _.oklab.oklch = function (t) {
    return _.lab.lch(t);
  };
  _.oklab.xyz = function (t) {
    let e = t[0] / 100,
      r = t[1] / 100,
      n = t[2] / 100,
      i = (0.999999998 * e + 0.396337792 * r + 0.215803758 * n) ** 3,
      s = (1.000000008 * e - 0.105561342 * r - 0.063854175 * n) ** 3,
      o = (1.000000055 * e - 0.089484182 * r - 1.291485538 * n) ** 3,
      a = 1.227013851 * i - 0.55779998 * s + 0.281256149 * o,
      l = -0.040580178 * i + 1.11225687 * s - 0.071676679 * o,
      u = -0.076381285 * i - 0.421481978 * s + 1.58616322 * o;
    return [a * 100, l * 100, u * 100];
  };
  _.oklab.rgb = function (t) {
    let e = t[0] / 100,
      r = t[1] / 100,
      n = t[2] / 100,
      i = (e + 0.3963377774 * r + 0.2158037573 * n) ** 3,
      s = (e - 0.1055613458 * r - 0.0638541728 * n) ** 3,
      o = (e - 0.0894841775 * r - 1.291485548 * n) ** 3,
      a = dt(4.0767416621 * i - 3.3077115913 * s + 0.2309699292 * o),
      l = dt(-1.2684380046 * i + 2.6097574011 * s - 0.3413193965 * o),
      u = dt(-0.0041960863 * i - 0.7034186147 * s + 1.707614701 * o);
    return [a * 255, l * 255, u * 255];
  };
  _.oklch.oklab = function (t) {
    return _.lch.lab(t);
  };
  _.lab.xyz = function (t) {
    let e = t[0],
      r = t[1],
      n = t[2],
      i,
      s,
      o;
    ((s = (e + 16) / 116), (i = r / 500 + s), (o = s - n / 200));
    let a = s ** 3,
      l = i ** 3,
      u = o ** 3;
    return (
      (s = a > Me ? a : (s - 16 / 116) / 7.787),
      (i = l > Me ? l : (i - 16 / 116) / 7.787),
      (o = u > Me ? u : (o - 16 / 116) / 7.787),
      (i *= 95.047),
      (s *= 100),
      (o *= 108.883),
      [i, s, o]
    );
  };
  _.lab.lch = function (t) {
    let e = t[0],
      r = t[1],
      n = t[2],
      i;
    ((i = (Math.atan2(n, r) * 360) / 2 / Math.PI), i < 0 && (i += 360));
    let o = Math.sqrt(r * r + n * n);
    return [e, o, i];
  };
  _.lch.lab = function (t) {
    let e = t[0],
      r = t[1],
      i = (t[2] / 360) * 2 * Math.PI,
      s = r * Math.cos(i),
      o = r * Math.sin(i);
    return [e, s, o];
  };
  _.rgb.ansi16 = function (t, e = null) {
    let [r, n, i] = t,
      s = e === null ? _.rgb.hsv(t)[2] : e;
    if (((s = Math.round(s / 50)), s === 0)) return 30;
    let o = 30 + ((Math.round(i / 255) << 2) | (Math.round(n / 255) << 1) | Math.round(r / 255));
    return (s === 2 && (o += 60), o);
  };
  _.hsv.ansi16 = function (t) {
    return _.rgb.ansi16(_.hsv.rgb(t), t[2]);
  };
  _.rgb.ansi256 = function (t) {
    let e = t[0],
      r = t[1],
      n = t[2];
    return e >> 4 === r >> 4 && r >> 4 === n >> 4
      ? e < 8
        ? 16
        : e > 248
          ? 231
          : Math.round(((e - 8) / 247) * 24) + 232
      : 16 +
          36 * Math.round((e / 255) * 5) +
          6 * Math.round((r / 255) * 5) +
          Math.round((n / 255) * 5);
  };
  _.ansi16.rgb = function (t) {
    t = t[0];
    let e = t % 10;
    if (e === 0 || e === 7) return (t > 50 && (e += 3.5), (e = (e / 10.5) * 255), [e, e, e]);
    let r = (Math.trunc(t > 50) + 1) * 0.5,
      n = (e & 1) * r * 255,
      i = ((e >> 1) & 1) * r * 255,
      s = ((e >> 2) & 1) * r * 255;
    return [n, i, s];
  };
  _.ansi256.rgb = function (t) {
    if (((t = t[0]), t >= 232)) {
      let s = (t - 232) * 10 + 8;
      return [s, s, s];
    }
    t -= 16;
    let e,
      r = (Math.floor(t / 36) / 5) * 255,
      n = (Math.floor((e = t % 36) / 6) / 5) * 255,
      i = ((e % 6) / 5) * 255;
    return [r, n, i];
  };
  _.rgb.hex = function (t) {
    let r = (
      ((Math.round(t[0]) & 255) << 16) +
      ((Math.round(t[1]) & 255) << 8) +
      (Math.round(t[2]) & 255)
    )
      .toString(16)
      .toUpperCase();
    return '000000'.slice(r.length) + r;
  };
  _.hex.rgb = function (t) {
    let e = t.toString(16).match(/[a-f\d]{6}|[a-f\d]{3}/i);
    if (!e) return [0, 0, 0];
    let r = e[0];
    e[0].length === 3 && (r = [...r].map((a) => a + a).join(''));
    let n = Number.parseInt(r, 16),
      i = (n >> 16) & 255,
      s = (n >> 8) & 255,
      o = n & 255;
    return [i, s, o];
  };
  _.rgb.hcg = function (t) {
    let e = t[0] / 255,
      r = t[1] / 255,
      n = t[2] / 255,
      i = Math.max(Math.max(e, r), n),
      s = Math.min(Math.min(e, r), n),
      o = i - s,
      a,
      l = o < 1 ? s / (1 - o) : 0;
    return (
      o <= 0
        ? (a = 0)
        : i === e
          ? (a = ((r - n) / o) % 6)
          : i === r
            ? (a = 2 + (n - e) / o)
            : (a = 4 + (e - r) / o),
      (a /= 6),
      (a %= 1),
      [a * 360, o * 100, l * 100]
    );
  };
  _.hsl.hcg = function (t) {
    let e = t[1] / 100,
      r = t[2] / 100,
      n = r < 0.5 ? 2 * e * r : 2 * e * (1 - r),
      i = 0;
    return (n < 1 && (i = (r - 0.5 * n) / (1 - n)), [t[0], n * 100, i * 100]);
  };
  _.hsv.hcg = function (t) {
    let e = t[1] / 100,
      r = t[2] / 100,
      n = e * r,
      i = 0;
    return (n < 1 && (i = (r - n) / (1 - n)), [t[0], n * 100, i * 100]);
  };
  _.hcg.rgb = function (t) {
    let e = t[0] / 360,
      r = t[1] / 100,
      n = t[2] / 100;
    if (r === 0) return [n * 255, n * 255, n * 255];
    let i = [0, 0, 0],
      s = (e % 1) * 6,
      o = s % 1,
      a = 1 - o,
      l = 0;
    switch (Math.floor(s)) {
      case 0: {
        ((i[0] = 1), (i[1] = o), (i[2] = 0));
        break;
      }
      case 1: {
        ((i[0] = a), (i[1] = 1), (i[2] = 0));
        break;
      }
      case 2: {
        ((i[0] = 0), (i[1] = 1), (i[2] = o));
        break;
      }
      case 3: {
        ((i[0] = 0), (i[1] = a), (i[2] = 1));
        break;
      }
      case 4: {
        ((i[0] = o), (i[1] = 0), (i[2] = 1));
        break;
      }
      default:
        ((i[0] = 1), (i[1] = 0), (i[2] = a));
    }
    return ((l = (1 - r) * n), [(r * i[0] + l) * 255, (r * i[1] + l) * 255, (r * i[2] + l) * 255]);
  };
  _.hcg.hsv = function (t) {
    let e = t[1] / 100,
      r = t[2] / 100,
      n = e + r * (1 - e),
      i = 0;
    return (n > 0 && (i = e / n), [t[0], i * 100, n * 100]);
  };
  _.hcg.hsl = function (t) {
    let e = t[1] / 100,
      n = (t[2] / 100) * (1 - e) + 0.5 * e,
      i = 0;
    return (
      n > 0 && n < 0.5 ? (i = e / (2 * n)) : n >= 0.5 && n < 1 && (i = e / (2 * (1 - n))),
      [t[0], i * 100, n * 100]
    );
  };
  _.hcg.hwb = function (t) {
    let e = t[1] / 100,
      r = t[2] / 100,
      n = e + r * (1 - e);
    return [t[0], (n - e) * 100, (1 - n) * 100];
  };
  _.hwb.hcg = function (t) {
    let e = t[1] / 100,
      n = 1 - t[2] / 100,
      i = n - e,
      s = 0;
    return (i < 1 && (s = (n - i) / (1 - i)), [t[0], i * 100, s * 100]);
  };
  _.apple.rgb = function (t) {
    return [(t[0] / 65535) * 255, (t[1] / 65535) * 255, (t[2] / 65535) * 255];
  };
  _.rgb.apple = function (t) {
    return [(t[0] / 255) * 65535, (t[1] / 255) * 65535, (t[2] / 255) * 65535];
  };
  _.gray.rgb = function (t) {
    return [(t[0] / 100) * 255, (t[0] / 100) * 255, (t[0] / 100) * 255];
  };
  _.gray.hsl = function (t) {
    return [0, 0, t[0]];
  };
  _.gray.hsv = _.gray.hsl;
  _.gray.hwb = function (t) {
    return [0, 100, t[0]];
  };
  _.gray.cmyk = function (t) {
    return [0, 0, 0, t[0]];
  };
  _.gray.lab = function (t) {
    return [t[0], 0, 0];
  };
  _.gray.hex = function (t) {
    let e = Math.round((t[0] / 100) * 255) & 255,
      n = ((e << 16) + (e << 8) + e).toString(16).toUpperCase();
    return '000000'.slice(n.length) + n;
  };
  _.rgb.gray = function (t) {
    return [((t[0] + t[1] + t[2]) / 3 / 255) * 100];
  };
  function jg() {
    let t = {},
      e = Object.keys(_);
    for (let { length: r } = e, n = 0; n < r; n++) t[e[n]] = { distance: -1, parent: null };
    return t;
  }
  function Lg(t) {
    let e = jg(),
      r = [t];
    for (e[t].distance = 0; r.length > 0;) {
      let n = r.pop(),
        i = Object.keys(_[n]);
      for (let { length: s } = i, o = 0; o < s; o++) {
        let a = i[o],
          l = e[a];
        l.distance === -1 && ((l.distance = e[n].distance + 1), (l.parent = n), r.unshift(a));
      }
    }
    return e;
  }
  function Ig(t, e) {
    return function (r) {
      return e(t(r));
    };
  }
  function Pg(t, e) {
    let r = [e[t].parent, t],
      n = _[e[t].parent][t],
      i = e[t].parent;
    for (; e[i].parent;)
      (r.unshift(e[i].parent), (n = Ig(_[e[i].parent][i], n)), (i = e[i].parent));
    return ((n.conversion = r), n);
  }
  function Cg(t) {
    let e = Lg(t),
      r = {},
      n = Object.keys(e);
    for (let { length: i } = n, s = 0; s < i; s++) {
      let o = n[s];
      e[o].parent !== null && (r[o] = Pg(o, e));
    }
    return r;
  }
  var Z = {},
    Fg = Object.keys(_);
  function Dg(t) {
    let e = function (...r) {
      let n = r[0];
      return n == null ? n : (n.length > 1 && (r = n), t(r));
    };
    return ('conversion' in t && (e.conversion = t.conversion), e);
  }
  function Bg(t) {
    let e = function (...r) {
      let n = r[0];
      if (n == null) return n;
      n.length > 1 && (r = n);
      let i = t(r);
      if (typeof i == 'object')
        for (let { length: s } = i, o = 0; o < s; o++) i[o] = Math.round(i[o]);
      return i;
    };
    return ('conversion' in t && (e.conversion = t.conversion), e);
  }
  for (let t of Fg) {
    ((Z[t] = {}),
      Object.defineProperty(Z[t], 'channels', { value: _[t].channels }),
      Object.defineProperty(Z[t], 'labels', { value: _[t].labels }));
    let e = Cg(t),
      r = Object.keys(e);
    for (let n of r) {
      let i = e[n];
      ((Z[t][n] = Bg(i)), (Z[t][n].raw = Dg(i)));
    }
  }
  var Du = ['keyword', 'gray', 'hex'],
    Ji = {};
  for (let t of Object.keys(Z)) Ji[[...Z[t].labels].sort().join('')] = t;
  var Zi = {};
  function K(t, e) {
    if (!(this instanceof K)) return new K(t, e);
    if ((e && e in Du && (e = null), e && !(e in Z))) throw new Error('Unknown model: ' + e);
    let r, n;
    if (t == null) ((this.model = 'rgb'), (this.color = [0, 0, 0]), (this.valpha = 1));
    else if (t instanceof K)
      ((this.model = t.model), (this.color = [...t.color]), (this.valpha = t.valpha));
    else if (typeof t == 'string') {
      let i = J.get(t);
      if (i === null) throw new Error('Unable to parse color from string: ' + t);
      ((this.model = i.model),
        (n = Z[this.model].channels),
        (this.color = i.value.slice(0, n)),
        (this.valpha = typeof i.value[n] == 'number' ? i.value[n] : 1));
    } else if (t.length > 0) {
      ((this.model = e || 'rgb'), (n = Z[this.model].channels));
      let i = Array.prototype.slice.call(t, 0, n);
      ((this.color = Qi(i, n)), (this.valpha = typeof t[n] == 'number' ? t[n] : 1));
    } else if (typeof t == 'number')
      ((this.model = 'rgb'),
        (this.color = [(t >> 16) & 255, (t >> 8) & 255, t & 255]),
        (this.valpha = 1));
    else {
      this.valpha = 1;
      let i = Object.keys(t);
      'alpha' in t &&
        (i.splice(i.indexOf('alpha'), 1), (this.valpha = typeof t.alpha == 'number' ? t.alpha : 0));
      let s = i.sort().join('');
      if (!(s in Ji)) throw new Error('Unable to parse color from object: ' + JSON.stringify(t));
      this.model = Ji[s];
      let { labels: o } = Z[this.model],
        a = [];
      for (r = 0; r < o.length; r++) a.push(t[o[r]]);
      this.color = Qi(a);
    }
    if (Zi[this.model])
      for (n = Z[this.model].channels, r = 0; r < n; r++) {
        let i = Zi[this.model][r];
        i && (this.color[r] = i(this.color[r]));
      }
    ((this.valpha = Math.max(0, Math.min(1, this.valpha))), Object.freeze && Object.freeze(this));
  }
  K.prototype = {
    toString() {
      return this.string();
    },
    toJSON() {
      return this[this.model]();
    },
    string(t) {
      let e = this.model in J.to ? this : this.rgb();
      e = e.round(typeof t == 'number' ? t : 1);
      let r = e.valpha === 1 ? e.color : [...e.color, this.valpha];
      return J.to[e.model](...r);
    },
    percentString(t) {
      let e = this.rgb().round(typeof t == 'number' ? t : 1),
        r = e.valpha === 1 ? e.color : [...e.color, this.valpha];
      return J.to.rgb.percent(...r);
    },
    array() {
      return this.valpha === 1 ? [...this.color] : [...this.color, this.valpha];
    },
    object() {
      let t = {},
        { channels: e } = Z[this.model],
        { labels: r } = Z[this.model];
      for (let n = 0; n < e; n++) t[r[n]] = this.color[n];
      return (this.valpha !== 1 && (t.alpha = this.valpha), t);
    },
    unitArray() {
      let t = this.rgb().color;
      return (
        (t[0] /= 255),
        (t[1] /= 255),
        (t[2] /= 255),
        this.valpha !== 1 && t.push(this.valpha),
        t
      );
    },
    unitObject() {
      let t = this.rgb().object();
      return (
        (t.r /= 255),
        (t.g /= 255),
        (t.b /= 255),
        this.valpha !== 1 && (t.alpha = this.valpha),
        t
      );
    },
    round(t) {
      return (
        (t = Math.max(t || 0, 0)),
        new K([...this.color.map(Wg(t)), this.valpha], this.model)
      );
    },
    alpha(t) {
      return t !== void 0
        ? new K([...this.color, Math.max(0, Math.min(1, t))], this.model)
        : this.valpha;
    },
    red: H('rgb', 0, Y(255)),
    green: H('rgb', 1, Y(255)),
    blue: H('rgb', 2, Y(255)),
    hue: H(['hsl', 'hsv', 'hsl', 'hwb', 'hcg'], 0, (t) => ((t % 360) + 360) % 360),
    saturationl: H('hsl', 1, Y(100)),
    lightness: H('hsl', 2, Y(100)),
    saturationv: H('hsv', 1, Y(100)),
    value: H('hsv', 2, Y(100)),
    chroma: H('hcg', 1, Y(100)),
    gray: H('hcg', 2, Y(100)),
    white: H('hwb', 1, Y(100)),
    wblack: H('hwb', 2, Y(100)),
    cyan: H('cmyk', 0, Y(100)),
    magenta: H('cmyk', 1, Y(100)),
    yellow: H('cmyk', 2, Y(100)),
    black: H('cmyk', 3, Y(100)),
    x: H('xyz', 0, Y(95.047)),
    y: H('xyz', 1, Y(100)),
    z: H('xyz', 2, Y(108.833)),
    l: H('lab', 0, Y(100)),
    a: H('lab', 1),
    b: H('lab', 2),
    keyword(t) {
      return t !== void 0 ? new K(t) : Z[this.model].keyword(this.color);
    },
    hex(t) {
      return t !== void 0 ? new K(t) : J.to.hex(...this.rgb().round().color);
    },
    hexa(t) {
      if (t !== void 0) return new K(t);
      let e = this.rgb().round().color,
        r = Math.round(this.valpha * 255)
          .toString(16)
          .toUpperCase();
      return (r.length === 1 && (r = '0' + r), J.to.hex(...e) + r);
    },
    rgbNumber() {
      let t = this.rgb().color;
      return ((t[0] & 255) << 16) | ((t[1] & 255) << 8) | (t[2] & 255);
    },
    luminosity() {
      let t = this.rgb().color,
        e = [];
      for (let [r, n] of t.entries()) {
        let i = n / 255;
        e[r] = i <= 0.04045 ? i / 12.92 : ((i + 0.055) / 1.055) ** 2.4;
      }
      return 0.2126 * e[0] + 0.7152 * e[1] + 0.0722 * e[2];
    },
    contrast(t) {
      let e = this.luminosity(),
        r = t.luminosity();
      return e > r ? (e + 0.05) / (r + 0.05) : (r + 0.05) / (e + 0.05);
    },
    level(t) {
      let e = this.contrast(t);
      return e >= 7 ? 'AAA' : e >= 4.5 ? 'AA' : '';
    },
    isDark() {
      let t = this.rgb().color;
      return (t[0] * 2126 + t[1] * 7152 + t[2] * 722) / 1e4 < 128;
    },
    isLight() {
      return !this.isDark();
    },
    negate() {
      let t = this.rgb();
      for (let e = 0; e < 3; e++) t.color[e] = 255 - t.color[e];
      return t;
    },
    lighten(t) {
      let e = this.hsl();
      return ((e.color[2] += e.color[2] * t), e);
    },
    darken(t) {
      let e = this.hsl();
      return ((e.color[2] -= e.color[2] * t), e);
    },
    saturate(t) {
      let e = this.hsl();
      return ((e.color[1] += e.color[1] * t), e);
    },
    desaturate(t) {
      let e = this.hsl();
      return ((e.color[1] -= e.color[1] * t), e);
    },
    whiten(t) {
      let e = this.hwb();
      return ((e.color[1] += e.color[1] * t), e);
    },
    blacken(t) {
      let e = this.hwb();
      return ((e.color[2] += e.color[2] * t), e);
    },
    grayscale() {
      let t = this.rgb().color,
        e = t[0] * 0.3 + t[1] * 0.59 + t[2] * 0.11;
      return K.rgb(e, e, e);
    },
    fade(t) {
      return this.alpha(this.valpha - this.valpha * t);
    },
    opaquer(t) {
      return this.alpha(this.valpha + this.valpha * t);
    },
    rotate(t) {
      let e = this.hsl(),
        r = e.color[0];
      return ((r = (r + t) % 360), (r = r < 0 ? 360 + r : r), (e.color[0] = r), e);
    },
    mix(t, e) {
      if (!t || !t.rgb)
        throw new Error(
          'Argument to "mix" was not a Color instance, but rather an instance of ' + typeof t,
        );
      let r = t.rgb(),
        n = this.rgb(),
        i = e === void 0 ? 0.5 : e,
        s = 2 * i - 1,
        o = r.alpha() - n.alpha(),
        a = ((s * o === -1 ? s : (s + o) / (1 + s * o)) + 1) / 2,
        l = 1 - a;
      return K.rgb(
        a * r.red() + l * n.red(),
        a * r.green() + l * n.green(),
        a * r.blue() + l * n.blue(),
        r.alpha() * i + n.alpha() * (1 - i),
      );
    },
  };
  for (let t of Object.keys(Z)) {
    if (Du.includes(t)) continue;
    let { channels: e } = Z[t];
    ((K.prototype[t] = function (...r) {
      return this.model === t
        ? new K(this)
        : r.length > 0
          ? new K(r, t)
          : new K([...zg(Z[this.model][t].raw(this.color)), this.valpha], t);
    }),
      (K[t] = function (...r) {
        let n = r[0];
        return (typeof n == 'number' && (n = Qi(r, e)), new K(n, t));
      }));
  }
  function Ug(t, e) {
    return Number(t.toFixed(e));
  }
  function Wg(t) {
    return function (e) {
      return Ug(e, t);
    };
  }
  function H(t, e, r) {
    t = Array.isArray(t) ? t : [t];
    for (let n of t) (Zi[n] ||= [])[e] = r;
    return (
      (t = t[0]),
      function (n) {
        let i;
        return n !== void 0
          ? (r && (n = r(n)), (i = this[t]()), (i.color[e] = n), i)
          : ((i = this[t]().color[e]), r && (i = r(i)), i);
      }
    );
  }
  function Y(t) {
    return function (e) {
      return Math.max(0, Math.min(t, e));
    };
  }
  function zg(t) {
    return Array.isArray(t) ? t : [t];
  }
  function Qi(t, e) {
    for (let r = 0; r < e; r++) typeof t[r] != 'number' && (t[r] = 0);
    return t;
  }
  function Hg(t) {
    return t && t.__esModule && Object.prototype.hasOwnProperty.call(t, 'default') ? t.default : t;
  }
  var Gg = function (e) {
      for (var r = 0, n = 0; r < e.length; n = e.charCodeAt(r++) + ((n << 5) - n));
      var i = Math.floor(Math.abs(((Math.sin(n) * 1e4) % 1) * 16777216)).toString(16);
      return '#' + Array(6 - i.length + 1).join('0') + i;
    },
    Pu = Hg(Gg);
  function Vg(t, e) {
    let r = t.split(e || ':'),
      n = Pu(r[0]);
    if (!r.length) return n;
    for (let i = 0, s = r.length - 1; i < s; i++)
      n = K(n)
        .mix(K(Pu(r[i + 1])))
        .saturate(1)
        .hex();
    return n;
  }
  Bu.exports = Vg;
});
var zu = g((X1, Wu) => {
  'use strict';
  function pe(t, e) {
    if (e) return new pe(t).style(e);
    if (!(this instanceof pe)) return new pe(t);
    this.text = t;
  }
  pe.prototype.prefix = '\x1B[';
  pe.prototype.suffix = 'm';
  pe.prototype.hex = function (e) {
    ((e = e[0] === '#' ? e.substring(1) : e),
      e.length === 3 &&
        ((e = e.split('')),
        (e[5] = e[2]),
        (e[4] = e[2]),
        (e[3] = e[1]),
        (e[2] = e[1]),
        (e[1] = e[0]),
        (e = e.join(''))));
    var r = e.substring(0, 2),
      n = e.substring(2, 4),
      i = e.substring(4, 6);
    return [parseInt(r, 16), parseInt(n, 16), parseInt(i, 16)];
  };
  pe.prototype.rgb = function (e, r, n) {
    var i = (e / 255) * 5,
      s = (r / 255) * 5,
      o = (n / 255) * 5;
    return this.ansi(i, s, o);
  };
  pe.prototype.ansi = function (e, r, n) {
    var i = Math.round(e),
      s = Math.round(r),
      o = Math.round(n);
    return 16 + i * 36 + s * 6 + o;
  };
  pe.prototype.reset = function () {
    return this.prefix + '39;49' + this.suffix;
  };
  pe.prototype.style = function (e) {
    return (
      this.prefix +
      '38;5;' +
      this.rgb.apply(this, this.hex(e)) +
      this.suffix +
      this.text +
      this.reset()
    );
  };
  Wu.exports = pe;
});
var Gu = g((e_, Hu) => {
  var Yg = Uu(),
    Kg = zu();
  Hu.exports = function (e, r) {
    var n = r.namespace,
      i = r.colors !== !1 ? Kg(n + ':', Yg(n)) : n + ':';
    return ((e[0] = i + ' ' + e[0]), e);
  };
});
var Yu = g((t_, Vu) => {
  'use strict';
  Vu.exports = function (e, r) {
    if (!r) return !1;
    for (var n = r.split(/[\s,]+/), i = 0; i < n.length; i++) {
      if (((r = n[i].replace('*', '.*?')), r.charAt(0) === '-')) {
        if (new RegExp('^' + r.substr(1) + '$').test(e)) return !1;
        continue;
      }
      if (new RegExp('^' + r + '$').test(e)) return !0;
    }
    return !1;
  };
});
var Ju = g((r_, Ku) => {
  var Jg = Yu();
  Ku.exports = function (e) {
    return function (n) {
      try {
        return Jg(n, e());
      } catch {}
      return !1;
    };
  };
});
var Qu = g((n_, Zu) => {
  var Zg = Ju();
  Zu.exports = Zg(function () {
    return process.env.DEBUG || process.env.DIAGNOSTICS;
  });
});
var ec = g((i_, Xu) => {
  Xu.exports = function (t, e) {
    try {
      Function.prototype.apply.call(console.log, console, e);
    } catch {}
  };
});
var rc = g((s_, tc) => {
  var Qg = Ki(),
    Xg = I('tty').isatty(1),
    cn = Qg(function t(e, r) {
      return (
        (r = r || {}),
        (r.colors = 'colors' in r ? r.colors : Xg),
        (r.namespace = e),
        (r.prod = !1),
        (r.dev = !0),
        !t.enabled(e) && !(r.force || t.force) ? t.nope(r) : t.yep(r)
      );
    });
  cn.modify(Gu());
  cn.use(Qu());
  cn.set(ec());
  tc.exports = cn;
});
var Dt = g((o_, Xi) => {
  process.env.NODE_ENV === 'production' ? (Xi.exports = Iu()) : (Xi.exports = rc());
});
var ic = g((a_, nc) => {
  'use strict';
  var es = I('fs'),
    { StringDecoder: e0 } = I('string_decoder'),
    { Stream: t0 } = Ke();
  function r0() {}
  nc.exports = (t, e) => {
    let r = Buffer.alloc(65536),
      n = new e0('utf8'),
      i = new t0(),
      s = '',
      o = 0,
      a = 0;
    return (
      t.start === -1 && delete t.start,
      (i.readable = !0),
      (i.destroy = () => {
        ((i.destroyed = !0), i.emit('end'), i.emit('close'));
      }),
      es.open(t.file, 'a+', '0644', (l, u) => {
        if (l) {
          (e ? e(l) : i.emit('error', l), i.destroy());
          return;
        }
        (function d() {
          if (i.destroyed) {
            es.close(u, r0);
            return;
          }
          return es.read(u, r, 0, r.length, o, (f, h) => {
            if (f) {
              (e ? e(f) : i.emit('error', f), i.destroy());
              return;
            }
            if (!h)
              return (
                s &&
                  ((t.start == null || a > t.start) && (e ? e(null, s) : i.emit('line', s)),
                  a++,
                  (s = '')),
                setTimeout(d, 1e3)
              );
            let b = n.write(r.slice(0, h));
            (e || i.emit('data', b), (b = (s + b).split(/\n+/)));
            let c = b.length - 1,
              p = 0;
            for (; p < c; p++)
              ((t.start == null || a > t.start) && (e ? e(null, b[p]) : i.emit('line', b[p])), a++);
            return ((s = b[c]), (o += h), d());
          });
        })();
      }),
      e ? i.destroy : i
    );
  };
});
var lc = g((u_, ac) => {
  'use strict';
  var ie = I('fs'),
    Q = I('path'),
    sc = xu(),
    n0 = I('zlib'),
    { MESSAGE: i0 } = V(),
    { Stream: s0, PassThrough: oc } = Ke(),
    o0 = lt(),
    me = Dt()('winston:file'),
    a0 = I('os'),
    l0 = ic();
  ac.exports = class extends o0 {
    constructor(e = {}) {
      (super(e), (this.name = e.name || 'file'));
      function r(n, ...i) {
        i.slice(1).forEach((s) => {
          if (e[s]) throw new Error(`Cannot set ${s} and ${n} together`);
        });
      }
      if (
        ((this._stream = new oc()),
        this._stream.setMaxListeners(30),
        (this._onError = this._onError.bind(this)),
        e.filename || e.dirname)
      )
        (r('filename or dirname', 'stream'),
          (this._basename = this.filename = e.filename ? Q.basename(e.filename) : 'winston.log'),
          (this.dirname = e.dirname || Q.dirname(e.filename)),
          (this.options = e.options || { flags: 'a' }));
      else if (e.stream)
        (console.warn('options.stream will be removed in winston@4. Use winston.transports.Stream'),
          r('stream', 'filename', 'maxsize'),
          (this._dest = this._stream.pipe(this._setupStream(e.stream))),
          (this.dirname = Q.dirname(this._dest.path)));
      else throw new Error('Cannot log to file without filename or stream.');
      ((this.maxsize = e.maxsize || null),
        (this.rotationFormat = e.rotationFormat || !1),
        (this.zippedArchive = e.zippedArchive || !1),
        (this.maxFiles = e.maxFiles || null),
        (this.eol = typeof e.eol == 'string' ? e.eol : a0.EOL),
        (this.tailable = e.tailable || !1),
        (this.lazy = e.lazy || !1),
        (this._size = 0),
        (this._pendingSize = 0),
        (this._created = 0),
        (this._drain = !1),
        (this._opening = !1),
        (this._ending = !1),
        (this._fileExist = !1),
        this.dirname && this._createLogDirIfNotExist(this.dirname),
        this.lazy || this.open());
    }
    finishIfEnding() {
      this._ending &&
        (this._opening
          ? this.once('open', () => {
              (this._stream.once('finish', () => this.emit('finish')),
                setImmediate(() => this._stream.end()));
            })
          : (this._stream.once('finish', () => this.emit('finish')),
            setImmediate(() => this._stream.end())));
    }
    _final(e) {
      if (this._opening) {
        this.once('open', () => this._final(e));
        return;
      }
      if ((this._stream.end(), !this._dest || this._dest.writableFinished)) return e();
      (this._dest.once('finish', e), this._dest.once('error', e));
    }
    log(e, r = () => {}) {
      if (this.silent) return (r(), !0);
      if (this._drain) {
        this._stream.once('drain', () => {
          ((this._drain = !1), this.log(e, r));
        });
        return;
      }
      if (this._rotate) {
        this._stream.once('rotate', () => {
          ((this._rotate = !1), this.log(e, r));
        });
        return;
      }
      if (this.lazy) {
        if (!this._fileExist) {
          (this._opening || this.open(),
            this.once('open', () => {
              ((this._fileExist = !0), this.log(e, r));
            }));
          return;
        }
        if (this._needsNewFile(this._pendingSize)) {
          this._dest.once('close', () => {
            (this._opening || this.open(),
              this.once('open', () => {
                this.log(e, r);
              }));
          });
          return;
        }
      }
      let n = `${e[i0]}${this.eol}`,
        i = Buffer.byteLength(n);
      function s() {
        if (
          ((this._size += i),
          (this._pendingSize -= i),
          me('logged %s %s', this._size, n),
          this.emit('logged', e),
          !this._rotate && !this._opening && this._needsNewFile())
        ) {
          if (this.lazy) {
            this._endStream(() => {
              this.emit('fileclosed');
            });
            return;
          }
          ((this._rotate = !0), this._endStream(() => this._rotateFile()));
        }
      }
      ((this._pendingSize += i),
        this._opening &&
          !this.rotatedWhileOpening &&
          this._needsNewFile(this._size + this._pendingSize) &&
          (this.rotatedWhileOpening = !0));
      let o = this._stream.write(n, s.bind(this));
      return (
        o
          ? r()
          : ((this._drain = !0),
            this._stream.once('drain', () => {
              ((this._drain = !1), r());
            })),
        me('written', o, this._drain),
        this.finishIfEnding(),
        o
      );
    }
    query(e, r) {
      (typeof e == 'function' && ((r = e), (e = {})), (e = f(e)));
      let n = Q.join(this.dirname, this.filename),
        i = '',
        s = [],
        o = 0,
        a = ie.createReadStream(n, { encoding: 'utf8' });
      (a.on('error', (h) => {
        if ((a.readable && a.destroy(), !!r)) return h.code !== 'ENOENT' ? r(h) : r(null, s);
      }),
        a.on('data', (h) => {
          h = (i + h).split(/\n+/);
          let b = h.length - 1,
            c = 0;
          for (; c < b; c++) ((!e.start || o >= e.start) && l(h[c]), o++);
          i = h[b];
        }),
        a.on('close', () => {
          (i && l(i, !0), e.order === 'desc' && (s = s.reverse()), r && r(null, s));
        }));
      function l(h, b) {
        try {
          let c = JSON.parse(h);
          d(c) && u(c);
        } catch (c) {
          b || a.emit('error', c);
        }
      }
      function u(h) {
        if (e.rows && s.length >= e.rows && e.order !== 'desc') {
          a.readable && a.destroy();
          return;
        }
        (e.fields && (h = e.fields.reduce((b, c) => ((b[c] = h[c]), b), {})),
          e.order === 'desc' && s.length >= e.rows && s.shift(),
          s.push(h));
      }
      function d(h) {
        if (!h || typeof h != 'object') return;
        let b = new Date(h.timestamp);
        if (!(
          (e.from && b < e.from) ||
          (e.until && b > e.until) ||
          (e.level && e.level !== h.level)
        ))
          return !0;
      }
      function f(h) {
        return (
          (h = h || {}),
          (h.rows = h.rows || h.limit || 10),
          (h.start = h.start || 0),
          (h.until = h.until || new Date()),
          typeof h.until != 'object' && (h.until = new Date(h.until)),
          (h.from = h.from || h.until - 1440 * 60 * 1e3),
          typeof h.from != 'object' && (h.from = new Date(h.from)),
          (h.order = h.order || 'desc'),
          h
        );
      }
    }
    stream(e = {}) {
      let r = Q.join(this.dirname, this.filename),
        n = new s0(),
        i = { file: r, start: e.start };
      return (
        (n.destroy = l0(i, (s, o) => {
          if (s) return n.emit('error', s);
          try {
            (n.emit('data', o), (o = JSON.parse(o)), n.emit('log', o));
          } catch (a) {
            n.emit('error', a);
          }
        })),
        n
      );
    }
    open() {
      this.filename &&
        (this._opening ||
          ((this._opening = !0),
          this.stat((e, r) => {
            if (e) return this.emit('error', e);
            (me('stat done: %s { size: %s }', this.filename, r),
              (this._size = r),
              (this._dest = this._createStream(this._stream)),
              (this._opening = !1),
              this.once('open', () => {
                this._stream.emit('rotate') || (this._rotate = !1);
              }));
          })));
    }
    stat(e) {
      let r = this._getFile(),
        n = Q.join(this.dirname, r);
      ie.stat(n, (i, s) => {
        if (i && i.code === 'ENOENT')
          return (me('ENOENT\xA0ok', n), (this.filename = r), e(null, 0));
        if (i) return (me(`err ${i.code} ${n}`), e(i));
        if (!s || this._needsNewFile(s.size)) return this._incFile(() => this.stat(e));
        ((this.filename = r), e(null, s.size));
      });
    }
    close(e) {
      this._stream &&
        this._stream.end(() => {
          (e && e(), this.emit('flush'), this.emit('closed'));
        });
    }
    _needsNewFile(e) {
      return ((e = e || this._size), this.maxsize && e >= this.maxsize);
    }
    _onError(e) {
      this.emit('error', e);
    }
    _setupStream(e) {
      return (e.on('error', this._onError), e);
    }
    _cleanupStream(e) {
      return (e.removeListener('error', this._onError), e.destroy(), e);
    }
    _rotateFile() {
      this._incFile(() => this.open());
    }
    _endStream(e = () => {}) {
      this._dest
        ? (this._stream.unpipe(this._dest),
          this._dest.end(() => {
            (this._cleanupStream(this._dest), e());
          }))
        : e();
    }
    _createStream(e) {
      let r = Q.join(this.dirname, this.filename);
      me('create stream start', r, this.options);
      let n = ie
        .createWriteStream(r, this.options)
        .on('error', (i) => me(i))
        .on('close', () => me('close', n.path, n.bytesWritten))
        .on('open', () => {
          (me('file open ok', r),
            this.emit('open', r),
            e.pipe(n),
            this.rotatedWhileOpening &&
              ((this._stream = new oc()),
              this._stream.setMaxListeners(30),
              this._rotateFile(),
              (this.rotatedWhileOpening = !1),
              this._cleanupStream(n),
              e.end()));
        });
      return (me('create stream ok', r), n);
    }
    _incFile(e) {
      me('_incFile', this.filename);
      let r = Q.extname(this._basename),
        n = Q.basename(this._basename, r),
        i = [];
      (this.zippedArchive &&
        i.push(
          function (s) {
            let o = this._created > 0 && !this.tailable ? this._created : '';
            this._compressFile(
              Q.join(this.dirname, `${n}${o}${r}`),
              Q.join(this.dirname, `${n}${o}${r}.gz`),
              s,
            );
          }.bind(this),
        ),
        i.push(
          function (s) {
            this.tailable
              ? this._checkMaxFilesTailable(r, n, s)
              : ((this._created += 1), this._checkMaxFilesIncrementing(r, n, s));
          }.bind(this),
        ),
        sc(i, e));
    }
    _getFile() {
      let e = Q.extname(this._basename),
        r = Q.basename(this._basename, e),
        n = this.rotationFormat ? this.rotationFormat() : this._created;
      return !this.tailable && this._created ? `${r}${n}${e}` : `${r}${e}`;
    }
    _checkMaxFilesIncrementing(e, r, n) {
      if (!this.maxFiles || this._created < this.maxFiles) return setImmediate(n);
      let i = this._created - this.maxFiles,
        s = i !== 0 ? i : '',
        o = this.zippedArchive ? '.gz' : '',
        a = `${r}${s}${e}${o}`,
        l = Q.join(this.dirname, a);
      ie.unlink(l, n);
    }
    _checkMaxFilesTailable(e, r, n) {
      let i = [];
      if (!this.maxFiles) return;
      let s = this.zippedArchive ? '.gz' : '';
      for (let o = this.maxFiles - 1; o > 1; o--)
        i.push(
          function (a, l) {
            let u = `${r}${a - 1}${e}${s}`,
              d = Q.join(this.dirname, u);
            ie.exists(d, (f) => {
              if (!f) return l(null);
              ((u = `${r}${a}${e}${s}`), ie.rename(d, Q.join(this.dirname, u), l));
            });
          }.bind(this, o),
        );
      sc(i, () => {
        ie.rename(Q.join(this.dirname, `${r}${e}${s}`), Q.join(this.dirname, `${r}1${e}${s}`), n);
      });
    }
    _compressFile(e, r, n) {
      ie.access(e, ie.F_OK, (i) => {
        if (i) return n();
        var s = n0.createGzip(),
          o = ie.createReadStream(e),
          a = ie.createWriteStream(r);
        (a.on('finish', () => {
          ie.unlink(e, n);
        }),
          o.pipe(s).pipe(a));
      });
    }
    _createLogDirIfNotExist(e) {
      ie.existsSync(e) || ie.mkdirSync(e, { recursive: !0 });
    }
  };
});
var cc = g((f_, uc) => {
  'use strict';
  var u0 = I('http'),
    c0 = I('https'),
    { Stream: f0 } = Ke(),
    d0 = lt(),
    { configure: h0 } = Et();
  uc.exports = class extends d0 {
    constructor(e = {}) {
      (super(e),
        (this.options = e),
        (this.name = e.name || 'http'),
        (this.ssl = !!e.ssl),
        (this.host = e.host || 'localhost'),
        (this.port = e.port),
        (this.auth = e.auth),
        (this.path = e.path || ''),
        (this.maximumDepth = e.maximumDepth),
        (this.agent = e.agent),
        (this.headers = e.headers || {}),
        (this.headers['content-type'] = 'application/json'),
        (this.batch = e.batch || !1),
        (this.batchInterval = e.batchInterval || 5e3),
        (this.batchCount = e.batchCount || 10),
        (this.batchOptions = []),
        (this.batchTimeoutID = -1),
        (this.batchCallback = {}),
        this.port || (this.port = this.ssl ? 443 : 80));
    }
    log(e, r) {
      (this._request(e, null, null, (n, i) => {
        (i && i.statusCode !== 200 && (n = new Error(`Invalid HTTP Status Code: ${i.statusCode}`)),
          n ? this.emit('warn', n) : this.emit('logged', e));
      }),
        r && setImmediate(r));
    }
    query(e, r) {
      (typeof e == 'function' && ((r = e), (e = {})),
        (e = { method: 'query', params: this.normalizeQuery(e) }));
      let n = e.params.auth || null;
      delete e.params.auth;
      let i = e.params.path || null;
      (delete e.params.path,
        this._request(e, n, i, (s, o, a) => {
          if (
            (o &&
              o.statusCode !== 200 &&
              (s = new Error(`Invalid HTTP Status Code: ${o.statusCode}`)),
            s)
          )
            return r(s);
          if (typeof a == 'string')
            try {
              a = JSON.parse(a);
            } catch (l) {
              return r(l);
            }
          r(null, a);
        }));
    }
    stream(e = {}) {
      let r = new f0();
      e = { method: 'stream', params: e };
      let n = e.params.path || null;
      delete e.params.path;
      let i = e.params.auth || null;
      delete e.params.auth;
      let s = '',
        o = this._request(e, i, n);
      return (
        (r.destroy = () => o.destroy()),
        o.on('data', (a) => {
          a = (s + a).split(/\n+/);
          let l = a.length - 1,
            u = 0;
          for (; u < l; u++)
            try {
              r.emit('log', JSON.parse(a[u]));
            } catch (d) {
              r.emit('error', d);
            }
          s = a[l];
        }),
        o.on('error', (a) => r.emit('error', a)),
        r
      );
    }
    _request(e, r, n, i) {
      ((e = e || {}),
        (r = r || this.auth),
        (n = n || this.path || ''),
        this.batch ? this._doBatch(e, i, r, n) : this._doRequest(e, i, r, n));
    }
    _doBatch(e, r, n, i) {
      if ((this.batchOptions.push(e), this.batchOptions.length === 1)) {
        let s = this;
        ((this.batchCallback = r),
          (this.batchTimeoutID = setTimeout(function () {
            ((s.batchTimeoutID = -1), s._doBatchRequest(s.batchCallback, n, i));
          }, this.batchInterval)));
      }
      this.batchOptions.length === this.batchCount &&
        this._doBatchRequest(this.batchCallback, n, i);
    }
    _doBatchRequest(e, r, n) {
      this.batchTimeoutID > 0 && (clearTimeout(this.batchTimeoutID), (this.batchTimeoutID = -1));
      let i = this.batchOptions.slice();
      ((this.batchOptions = []), this._doRequest(i, e, r, n));
    }
    _doRequest(e, r, n, i) {
      let s = Object.assign({}, this.headers);
      n && n.bearer && (s.Authorization = `Bearer ${n.bearer}`);
      let o = (this.ssl ? c0 : u0).request({
        ...this.options,
        method: 'POST',
        host: this.host,
        port: this.port,
        path: `/${i.replace(/^\//, '')}`,
        headers: s,
        auth: n && n.username && n.password ? `${n.username}:${n.password}` : '',
        agent: this.agent,
      });
      (o.on('error', r), o.on('response', (l) => l.on('end', () => r(null, l)).resume()));
      let a = h0({ ...(this.maximumDepth && { maximumDepth: this.maximumDepth }) });
      o.end(Buffer.from(a(e, this.options.replacer), 'utf8'));
    }
  };
});
var ts = g((d_, fc) => {
  'use strict';
  var ve = (t) => t !== null && typeof t == 'object' && typeof t.pipe == 'function';
  ve.writable = (t) =>
    ve(t) &&
    t.writable !== !1 &&
    typeof t._write == 'function' &&
    typeof t._writableState == 'object';
  ve.readable = (t) =>
    ve(t) &&
    t.readable !== !1 &&
    typeof t._read == 'function' &&
    typeof t._readableState == 'object';
  ve.duplex = (t) => ve.writable(t) && ve.readable(t);
  ve.transform = (t) => ve.duplex(t) && typeof t._transform == 'function';
  fc.exports = ve;
});
var hc = g((p_, dc) => {
  'use strict';
  var p0 = ts(),
    { MESSAGE: m0 } = V(),
    g0 = I('os'),
    b0 = lt();
  dc.exports = class extends b0 {
    constructor(e = {}) {
      if ((super(e), !e.stream || !p0(e.stream))) throw new Error('options.stream is required.');
      ((this._stream = e.stream),
        this._stream.setMaxListeners(1 / 0),
        (this.isObjectMode = e.stream._writableState.objectMode),
        (this.eol = typeof e.eol == 'string' ? e.eol : g0.EOL));
    }
    log(e, r) {
      if ((setImmediate(() => this.emit('logged', e)), this.isObjectMode)) {
        (this._stream.write(e), r && r());
        return;
      }
      (this._stream.write(`${e[m0]}${this.eol}`), r && r());
    }
  };
});
var pc = g((Bt) => {
  'use strict';
  Object.defineProperty(Bt, 'Console', {
    configurable: !0,
    enumerable: !0,
    get() {
      return Dl();
    },
  });
  Object.defineProperty(Bt, 'File', {
    configurable: !0,
    enumerable: !0,
    get() {
      return lc();
    },
  });
  Object.defineProperty(Bt, 'Http', {
    configurable: !0,
    enumerable: !0,
    get() {
      return cc();
    },
  });
  Object.defineProperty(Bt, 'Stream', {
    configurable: !0,
    enumerable: !0,
    get() {
      return hc();
    },
  });
});
var dn = g((Ut) => {
  'use strict';
  var fn = ni(),
    { configs: rs } = V();
  Ut.cli = fn.levels(rs.cli);
  Ut.npm = fn.levels(rs.npm);
  Ut.syslog = fn.levels(rs.syslog);
  Ut.addColors = fn.levels;
});
var gc = g((hn, mc) => {
  'use strict';
  Object.defineProperty(hn, '__esModule', { value: !0 });
  var y0 = zr(),
    w0 = Je(y0),
    _0 = en(),
    v0 = Je(_0),
    x0 = Di(),
    S0 = Je(x0),
    E0 = Pi(),
    O0 = Je(E0),
    M0 = Ci(),
    k0 = Je(M0),
    R0 = Ye(),
    T0 = Je(R0),
    N0 = ct(),
    A0 = Je(N0);
  function Je(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function q0(t, e, r) {
    r = (0, O0.default)(r);
    var n = 0,
      i = 0,
      { length: s } = t,
      o = !1;
    s === 0 && r(null);
    function a(l, u) {
      (l === !1 && (o = !0), o !== !0 && (l ? r(l) : (++i === s || u === v0.default) && r(null)));
    }
    for (; n < s; n++) e(t[n], n, (0, k0.default)(a));
  }
  function $0(t, e, r) {
    return (0, S0.default)(t, 1 / 0, e, r);
  }
  function j0(t, e, r) {
    var n = (0, w0.default)(t) ? q0 : $0;
    return n(t, (0, T0.default)(e), r);
  }
  hn.default = (0, A0.default)(j0, 3);
  mc.exports = hn.default;
});
var yc = g((pn, bc) => {
  'use strict';
  Object.defineProperty(pn, '__esModule', { value: !0 });
  pn.default = L0;
  function L0(t) {
    return (e, r, n) => t(e, n);
  }
  bc.exports = pn.default;
});
var bn = g((gn, wc) => {
  'use strict';
  Object.defineProperty(gn, '__esModule', { value: !0 });
  var I0 = gc(),
    P0 = mn(I0),
    C0 = yc(),
    F0 = mn(C0),
    D0 = Ye(),
    B0 = mn(D0),
    U0 = ct(),
    W0 = mn(U0);
  function mn(t) {
    return t && t.__esModule ? t : { default: t };
  }
  function z0(t, e, r) {
    return (0, P0.default)(t, (0, F0.default)((0, B0.default)(e)), r);
  }
  gn.default = (0, W0.default)(z0, 3);
  wc.exports = gn.default;
});
var vc = g((b_, _c) => {
  'use strict';
  var H0 = Object.prototype.toString;
  _c.exports = function (e) {
    if (typeof e.displayName == 'string' && e.constructor.name) return e.displayName;
    if (typeof e.name == 'string' && e.name) return e.name;
    if (typeof e == 'object' && e.constructor && typeof e.constructor.name == 'string')
      return e.constructor.name;
    var r = e.toString(),
      n = H0.call(e).slice(8, -1);
    return (
      n === 'Function' ? (r = r.substring(r.indexOf('(') + 1, r.indexOf(')'))) : (r = n),
      r || 'anonymous'
    );
  };
});
var ns = g((y_, xc) => {
  'use strict';
  var G0 = vc();
  xc.exports = function (e) {
    var r = 0,
      n;
    function i() {
      return (r || ((r = 1), (n = e.apply(this, arguments)), (e = null)), n);
    }
    return ((i.displayName = G0(e)), i);
  };
});
var is = g((zt) => {
  zt.get = function (t) {
    var e = Error.stackTraceLimit;
    Error.stackTraceLimit = 1 / 0;
    var r = {},
      n = Error.prepareStackTrace;
    ((Error.prepareStackTrace = function (s, o) {
      return o;
    }),
      Error.captureStackTrace(r, t || zt.get));
    var i = r.stack;
    return ((Error.prepareStackTrace = n), (Error.stackTraceLimit = e), i);
  };
  zt.parse = function (t) {
    if (!t.stack) return [];
    var e = this,
      r = t.stack
        .split(
          `
`,
        )
        .slice(1);
    return r
      .map(function (n) {
        if (n.match(/^\s*[-]{4,}$/))
          return e._createParsedCallSite({
            fileName: n,
            lineNumber: null,
            functionName: null,
            typeName: null,
            methodName: null,
            columnNumber: null,
            native: null,
          });
        var i = n.match(/at (?:(.+)\s+\()?(?:(.+?):(\d+)(?::(\d+))?|([^)]+))\)?/);
        if (i) {
          var s = null,
            o = null,
            a = null,
            l = null,
            u = null,
            d = i[5] === 'native';
          if (i[1]) {
            a = i[1];
            var f = a.lastIndexOf('.');
            if ((a[f - 1] == '.' && f--, f > 0)) {
              ((s = a.substr(0, f)), (o = a.substr(f + 1)));
              var h = s.indexOf('.Module');
              h > 0 && ((a = a.substr(h + 1)), (s = s.substr(0, h)));
            }
            l = null;
          }
          (o && ((l = s), (u = o)), o === '<anonymous>' && ((u = null), (a = null)));
          var b = {
            fileName: i[2] || null,
            lineNumber: parseInt(i[3], 10) || null,
            functionName: a,
            typeName: l,
            methodName: u,
            columnNumber: parseInt(i[4], 10) || null,
            native: d,
          };
          return e._createParsedCallSite(b);
        }
      })
      .filter(function (n) {
        return !!n;
      });
  };
  function Wt(t) {
    for (var e in t) this[e] = t[e];
  }
  var V0 = [
      'this',
      'typeName',
      'functionName',
      'methodName',
      'fileName',
      'lineNumber',
      'columnNumber',
      'function',
      'evalOrigin',
    ],
    Y0 = ['topLevel', 'eval', 'native', 'constructor'];
  V0.forEach(function (t) {
    ((Wt.prototype[t] = null),
      (Wt.prototype['get' + t[0].toUpperCase() + t.substr(1)] = function () {
        return this[t];
      }));
  });
  Y0.forEach(function (t) {
    ((Wt.prototype[t] = !1),
      (Wt.prototype['is' + t[0].toUpperCase() + t.substr(1)] = function () {
        return this[t];
      }));
  });
  zt._createParsedCallSite = function (t) {
    return new Wt(t);
  };
});
var Ec = g((v_, Sc) => {
  'use strict';
  var { Writable: K0 } = Ke();
  Sc.exports = class extends K0 {
    constructor(e) {
      if ((super({ objectMode: !0 }), !e))
        throw new Error('ExceptionStream requires a TransportStream instance.');
      ((this.handleExceptions = !0), (this.transport = e));
    }
    _write(e, r, n) {
      return e.exception ? this.transport.log(e, n) : (n(), !0);
    }
  };
});
var os = g((S_, kc) => {
  'use strict';
  var Oc = I('os'),
    J0 = bn(),
    ss = Dt()('winston:exception'),
    Z0 = ns(),
    Mc = is(),
    Q0 = Ec();
  kc.exports = class {
    constructor(e) {
      if (!e) throw new Error('Logger is required to handle exceptions');
      ((this.logger = e), (this.handlers = new Map()));
    }
    handle(...e) {
      (e.forEach((r) => {
        if (Array.isArray(r)) return r.forEach((n) => this._addHandler(n));
        this._addHandler(r);
      }),
        this.catcher ||
          ((this.catcher = this._uncaughtException.bind(this)),
          process.on('uncaughtException', this.catcher)));
    }
    unhandle() {
      this.catcher &&
        (process.removeListener('uncaughtException', this.catcher),
        (this.catcher = !1),
        Array.from(this.handlers.values()).forEach((e) => this.logger.unpipe(e)));
    }
    getAllInfo(e) {
      let r = null;
      return (
        e && (r = typeof e == 'string' ? e : e.message),
        {
          error: e,
          level: 'error',
          message: [
            `uncaughtException: ${r || '(no error message)'}`,
            (e && e.stack) || '  No stack trace',
          ].join(`
`),
          stack: e && e.stack,
          exception: !0,
          date: new Date().toString(),
          process: this.getProcessInfo(),
          os: this.getOsInfo(),
          trace: this.getTrace(e),
        }
      );
    }
    getProcessInfo() {
      return {
        pid: process.pid,
        uid: process.getuid ? process.getuid() : null,
        gid: process.getgid ? process.getgid() : null,
        cwd: process.cwd(),
        execPath: process.execPath,
        version: process.version,
        argv: process.argv,
        memoryUsage: process.memoryUsage(),
      };
    }
    getOsInfo() {
      return { loadavg: Oc.loadavg(), uptime: Oc.uptime() };
    }
    getTrace(e) {
      return (e ? Mc.parse(e) : Mc.get()).map((n) => ({
        column: n.getColumnNumber(),
        file: n.getFileName(),
        function: n.getFunctionName(),
        line: n.getLineNumber(),
        method: n.getMethodName(),
        native: n.isNative(),
      }));
    }
    _addHandler(e) {
      if (!this.handlers.has(e)) {
        e.handleExceptions = !0;
        let r = new Q0(e);
        (this.handlers.set(e, r), this.logger.pipe(r));
      }
    }
    _uncaughtException(e) {
      let r = this.getAllInfo(e),
        n = this._getExceptionHandlers(),
        i =
          typeof this.logger.exitOnError == 'function'
            ? this.logger.exitOnError(e)
            : this.logger.exitOnError,
        s;
      !n.length &&
        i &&
        (console.warn('winston: exitOnError cannot be true with no exception handlers.'),
        console.warn('winston: not exiting process.'),
        (i = !1));
      function o() {
        (ss('doExit', i),
          ss('process._exiting', process._exiting),
          i && !process._exiting && (s && clearTimeout(s), process.exit(1)));
      }
      if (!n || n.length === 0) return process.nextTick(o);
      (J0(
        n,
        (a, l) => {
          let u = Z0(l),
            d = a.transport || a;
          function f(h) {
            return () => {
              (ss(h), u());
            };
          }
          ((d._ending = !0), d.once('finish', f('finished')), d.once('error', f('error')));
        },
        () => i && o(),
      ),
        this.logger.log(r),
        i && (s = setTimeout(o, 3e3)));
    }
    _getExceptionHandlers() {
      return this.logger.transports.filter((e) => (e.transport || e).handleExceptions);
    }
  };
});
var Tc = g((O_, Rc) => {
  'use strict';
  var { Writable: X0 } = Ke();
  Rc.exports = class extends X0 {
    constructor(e) {
      if ((super({ objectMode: !0 }), !e))
        throw new Error('RejectionStream requires a TransportStream instance.');
      ((this.handleRejections = !0), (this.transport = e));
    }
    _write(e, r, n) {
      return e.rejection ? this.transport.log(e, n) : (n(), !0);
    }
  };
});
var ls = g((k_, qc) => {
  'use strict';
  var Nc = I('os'),
    eb = bn(),
    as = Dt()('winston:rejection'),
    tb = ns(),
    Ac = is(),
    rb = Tc();
  qc.exports = class {
    constructor(e) {
      if (!e) throw new Error('Logger is required to handle rejections');
      ((this.logger = e), (this.handlers = new Map()));
    }
    handle(...e) {
      (e.forEach((r) => {
        if (Array.isArray(r)) return r.forEach((n) => this._addHandler(n));
        this._addHandler(r);
      }),
        this.catcher ||
          ((this.catcher = this._unhandledRejection.bind(this)),
          process.on('unhandledRejection', this.catcher)));
    }
    unhandle() {
      this.catcher &&
        (process.removeListener('unhandledRejection', this.catcher),
        (this.catcher = !1),
        Array.from(this.handlers.values()).forEach((e) => this.logger.unpipe(e)));
    }
    getAllInfo(e) {
      let r = null;
      return (
        e && (r = typeof e == 'string' ? e : e.message),
        {
          error: e,
          level: 'error',
          message: [
            `unhandledRejection: ${r || '(no error message)'}`,
            (e && e.stack) || '  No stack trace',
          ].join(`
`),
          stack: e && e.stack,
          rejection: !0,
          date: new Date().toString(),
          process: this.getProcessInfo(),
          os: this.getOsInfo(),
          trace: this.getTrace(e),
        }
      );
    }
    getProcessInfo() {
      return {
        pid: process.pid,
        uid: process.getuid ? process.getuid() : null,
        gid: process.getgid ? process.getgid() : null,
        cwd: process.cwd(),
        execPath: process.execPath,
        version: process.version,
        argv: process.argv,
        memoryUsage: process.memoryUsage(),
      };
    }
    getOsInfo() {
      return { loadavg: Nc.loadavg(), uptime: Nc.uptime() };
    }
    getTrace(e) {
      return (e ? Ac.parse(e) : Ac.get()).map((n) => ({
        column: n.getColumnNumber(),
        file: n.getFileName(),
        function: n.getFunctionName(),
        line: n.getLineNumber(),
        method: n.getMethodName(),
        native: n.isNative(),
      }));
    }
    _addHandler(e) {
      if (!this.handlers.has(e)) {
        e.handleRejections = !0;
        let r = new rb(e);
        (this.handlers.set(e, r), this.logger.pipe(r));
      }
    }
    _unhandledRejection(e) {
      let r = this.getAllInfo(e),
        n = this._getRejectionHandlers(),
        i =
          typeof this.logger.exitOnError == 'function'
            ? this.logger.exitOnError(e)
            : this.logger.exitOnError,
        s;
      !n.length &&
        i &&
        (console.warn('winston: exitOnError cannot be true with no rejection handlers.'),
        console.warn('winston: not exiting process.'),
        (i = !1));
      function o() {
        (as('doExit', i),
          as('process._exiting', process._exiting),
          i && !process._exiting && (s && clearTimeout(s), process.exit(1)));
      }
      if (!n || n.length === 0) return process.nextTick(o);
      (eb(
        n,
        (a, l) => {
          let u = tb(l),
            d = a.transport || a;
          function f(h) {
            return () => {
              (as(h), u());
            };
          }
          ((d._ending = !0), d.once('finish', f('finished')), d.once('error', f('error')));
        },
        () => i && o(),
      ),
        this.logger.log(r),
        i && (s = setTimeout(o, 3e3)));
    }
    _getRejectionHandlers() {
      return this.logger.transports.filter((e) => (e.transport || e).handleRejections);
    }
  };
});
var jc = g((R_, $c) => {
  'use strict';
  var us = class {
    constructor(e) {
      let r = yn();
      if (typeof e != 'object' || Array.isArray(e) || !(e instanceof r))
        throw new Error('Logger is required for profiling');
      ((this.logger = e), (this.start = Date.now()));
    }
    done(...e) {
      typeof e[e.length - 1] == 'function' &&
        (console.warn('Callback function no longer supported as of winston@3.0.0'), e.pop());
      let r = typeof e[e.length - 1] == 'object' ? e.pop() : {};
      return (
        (r.level = r.level || 'info'),
        (r.durationMs = Date.now() - this.start),
        this.logger.write(r)
      );
    }
  };
  $c.exports = us;
});
var yn = g((T_, Cc) => {
  'use strict';
  var { Stream: nb, Transform: ib } = Ke(),
    Lc = bn(),
    { LEVEL: xe, SPLAT: Ic } = V(),
    Pc = ts(),
    sb = os(),
    ob = ls(),
    ab = ji(),
    lb = jc(),
    { warn: ub } = ii(),
    cb = dn(),
    fb = /%[scdjifoO%]/g,
    wn = class extends ib {
      constructor(e) {
        (super({ objectMode: !0 }), this.configure(e));
      }
      child(e) {
        let r = this;
        return Object.create(r, {
          write: {
            value: function (n) {
              let i = Object.assign({}, e, n);
              (n instanceof Error &&
                ((i.stack = n.stack), (i.message = n.message), (i.cause = n.cause)),
                r.write(i));
            },
          },
        });
      }
      configure({
        silent: e,
        format: r,
        defaultMeta: n,
        levels: i,
        level: s = 'info',
        exitOnError: o = !0,
        transports: a,
        colors: l,
        emitErrs: u,
        formatters: d,
        padLevels: f,
        rewriters: h,
        stripColors: b,
        exceptionHandlers: c,
        rejectionHandlers: p,
      } = {}) {
        if (
          (this.transports.length && this.clear(),
          (this.silent = e),
          (this.format = r || this.format || Qn()()),
          (this.defaultMeta = n || null),
          (this.levels = i || this.levels || cb.npm.levels),
          (this.level = s),
          this.exceptions && this.exceptions.unhandle(),
          this.rejections && this.rejections.unhandle(),
          (this.exceptions = new sb(this)),
          (this.rejections = new ob(this)),
          (this.profilers = {}),
          (this.exitOnError = o),
          a && ((a = Array.isArray(a) ? a : [a]), a.forEach((w) => this.add(w))),
          l || u || d || f || h || b)
        )
          throw new Error(
            [
              '{ colors, emitErrs, formatters, padLevels, rewriters, stripColors } were removed in winston@3.0.0.',
              'Use a custom winston.format(function) instead.',
              'See: https://github.com/winstonjs/winston/tree/master/UPGRADE-3.0.md',
            ].join(`
`),
          );
        (c && this.exceptions.handle(c), p && this.rejections.handle(p));
      }
      getHighestLogLevel() {
        let e = Ht(this.levels, this.level);
        return !this.transports || this.transports.length === 0
          ? e
          : this.transports.reduce((r, n) => {
              let i = Ht(this.levels, n.level);
              return i !== null && i > r ? i : r;
            }, e);
      }
      isLevelEnabled(e) {
        let r = Ht(this.levels, e);
        if (r === null) return !1;
        let n = Ht(this.levels, this.level);
        return n === null
          ? !1
          : !this.transports || this.transports.length === 0
            ? n >= r
            : this.transports.findIndex((s) => {
                let o = Ht(this.levels, s.level);
                return (o === null && (o = n), o >= r);
              }) !== -1;
      }
      log(e, r, ...n) {
        if (arguments.length === 1)
          return ((e[xe] = e.level), this._addDefaultMeta(e), this.write(e), this);
        if (arguments.length === 2)
          return r && typeof r == 'object'
            ? ((r[xe] = r.level = e), this._addDefaultMeta(r), this.write(r), this)
            : ((r = { [xe]: e, level: e, message: r }),
              this._addDefaultMeta(r),
              this.write(r),
              this);
        let [i] = n;
        if (typeof i == 'object' && i !== null && !(r && r.match && r.match(fb))) {
          let o = Object.assign({}, this.defaultMeta, i, {
            [xe]: e,
            [Ic]: n,
            level: e,
            message: r,
          });
          return (
            i.message && (o.message = `${o.message} ${i.message}`),
            i.stack && (o.stack = i.stack),
            i.cause && (o.cause = i.cause),
            this.write(o),
            this
          );
        }
        return (
          this.write(
            Object.assign({}, this.defaultMeta, { [xe]: e, [Ic]: n, level: e, message: r }),
          ),
          this
        );
      }
      _transform(e, r, n) {
        if (this.silent) return n();
        (e[xe] || (e[xe] = e.level),
          !this.levels[e[xe]] &&
            this.levels[e[xe]] !== 0 &&
            console.error('[winston] Unknown logger level: %s', e[xe]),
          this._readableState.pipes ||
            console.error(
              '[winston] Attempt to write logs with no transports, which can increase memory usage: %j',
              e,
            ));
        try {
          this.push(this.format.transform(e, this.format.options));
        } finally {
          ((this._writableState.sync = !1), n());
        }
      }
      _final(e) {
        let r = this.transports.slice();
        Lc(
          r,
          (n, i) => {
            if (!n || n.finished) return setImmediate(i);
            (n.once('finish', i), n.end());
          },
          e,
        );
      }
      add(e) {
        let r = !Pc(e) || e.log.length > 2 ? new ab({ transport: e }) : e;
        if (!r._writableState || !r._writableState.objectMode)
          throw new Error(
            'Transports must WritableStreams in objectMode. Set { objectMode: true }.',
          );
        return (
          this._onEvent('error', r),
          this._onEvent('warn', r),
          this.pipe(r),
          e.handleExceptions && this.exceptions.handle(),
          e.handleRejections && this.rejections.handle(),
          this
        );
      }
      remove(e) {
        if (!e) return this;
        let r = e;
        return (
          (!Pc(e) || e.log.length > 2) && (r = this.transports.filter((n) => n.transport === e)[0]),
          r && this.unpipe(r),
          this
        );
      }
      clear() {
        return (this.unpipe(), this);
      }
      close() {
        return (
          this.exceptions.unhandle(),
          this.rejections.unhandle(),
          this.clear(),
          this.emit('close'),
          this
        );
      }
      setLevels() {
        ub.deprecated('setLevels');
      }
      query(e, r) {
        (typeof e == 'function' && ((r = e), (e = {})), (e = e || {}));
        let n = {},
          i = Object.assign({}, e.query || {});
        function s(a, l) {
          (e.query && typeof a.formatQuery == 'function' && (e.query = a.formatQuery(i)),
            a.query(e, (u, d) => {
              if (u) return l(u);
              (typeof a.formatResults == 'function' && (d = a.formatResults(d, e.format)),
                l(null, d));
            }));
        }
        function o(a, l) {
          s(a, (u, d) => {
            (l && ((d = u || d), d && (n[a.name] = d), l()), (l = null));
          });
        }
        Lc(
          this.transports.filter((a) => !!a.query),
          o,
          () => r(null, n),
        );
      }
      stream(e = {}) {
        let r = new nb(),
          n = [];
        return (
          (r._streams = n),
          (r.destroy = () => {
            let i = n.length;
            for (; i--;) n[i].destroy();
          }),
          this.transports
            .filter((i) => !!i.stream)
            .forEach((i) => {
              let s = i.stream(e);
              s &&
                (n.push(s),
                s.on('log', (o) => {
                  ((o.transport = o.transport || []), o.transport.push(i.name), r.emit('log', o));
                }),
                s.on('error', (o) => {
                  ((o.transport = o.transport || []), o.transport.push(i.name), r.emit('error', o));
                }));
            }),
          r
        );
      }
      startTimer() {
        return new lb(this);
      }
      profile(e, ...r) {
        let n = Date.now();
        if (this.profilers[e]) {
          let i = this.profilers[e];
          (delete this.profilers[e],
            typeof r[r.length - 2] == 'function' &&
              (console.warn('Callback function no longer supported as of winston@3.0.0'), r.pop()));
          let s = typeof r[r.length - 1] == 'object' ? r.pop() : {};
          return (
            (s.level = s.level || 'info'),
            (s.durationMs = n - i),
            (s.message = s.message || e),
            this.write(s)
          );
        }
        return ((this.profilers[e] = n), this);
      }
      handleExceptions(...e) {
        (console.warn(
          'Deprecated: .handleExceptions() will be removed in winston@4. Use .exceptions.handle()',
        ),
          this.exceptions.handle(...e));
      }
      unhandleExceptions(...e) {
        (console.warn(
          'Deprecated: .unhandleExceptions() will be removed in winston@4. Use .exceptions.unhandle()',
        ),
          this.exceptions.unhandle(...e));
      }
      cli() {
        throw new Error(
          [
            'Logger.cli() was removed in winston@3.0.0',
            'Use a custom winston.formats.cli() instead.',
            'See: https://github.com/winstonjs/winston/tree/master/UPGRADE-3.0.md',
          ].join(`
`),
        );
      }
      _onEvent(e, r) {
        function n(i) {
          (e === 'error' && !this.transports.includes(r) && this.add(r), this.emit(e, i, r));
        }
        r['__winston' + e] || ((r['__winston' + e] = n.bind(this)), r.on(e, r['__winston' + e]));
      }
      _addDefaultMeta(e) {
        this.defaultMeta && Object.assign(e, this.defaultMeta);
      }
    };
  function Ht(t, e) {
    let r = t[e];
    return !r && r !== 0 ? null : r;
  }
  Object.defineProperty(wn.prototype, 'transports', {
    configurable: !1,
    enumerable: !0,
    get() {
      let { pipes: t } = this._readableState;
      return Array.isArray(t) ? t : [t].filter(Boolean);
    },
  });
  Cc.exports = wn;
});
var cs = g((N_, Fc) => {
  'use strict';
  var { LEVEL: db } = V(),
    hb = dn(),
    pb = yn(),
    mb = Dt()('winston:create-logger');
  function gb(t) {
    return 'is' + t.charAt(0).toUpperCase() + t.slice(1) + 'Enabled';
  }
  Fc.exports = function (t = {}) {
    t.levels = t.levels || hb.npm.levels;
    class e extends pb {
      constructor(i) {
        super(i);
      }
    }
    let r = new e(t);
    return (
      Object.keys(t.levels).forEach(function (n) {
        if ((mb('Define prototype method for "%s"', n), n === 'log')) {
          console.warn(
            'Level "log" not defined: conflicts with the method "log". Use a different level name.',
          );
          return;
        }
        ((e.prototype[n] = function (...i) {
          let s = this || r;
          if (i.length === 1) {
            let [o] = i,
              a = (o && o.message && o) || { message: o };
            return ((a.level = a[db] = n), s._addDefaultMeta(a), s.write(a), this || r);
          }
          return i.length === 0 ? (s.log(n, ''), s) : s.log(n, ...i);
        }),
          (e.prototype[gb(n)] = function () {
            return (this || r).isLevelEnabled(n);
          }));
      }),
      r
    );
  };
});
var Bc = g((q_, Dc) => {
  'use strict';
  var bb = cs();
  Dc.exports = class {
    constructor(e = {}) {
      ((this.loggers = new Map()), (this.options = e));
    }
    add(e, r) {
      if (!this.loggers.has(e)) {
        r = Object.assign({}, r || this.options);
        let n = r.transports || this.options.transports;
        n ? (r.transports = Array.isArray(n) ? n.slice() : [n]) : (r.transports = []);
        let i = bb(r);
        (i.on('close', () => this._delete(e)), this.loggers.set(e, i));
      }
      return this.loggers.get(e);
    }
    get(e, r) {
      return this.add(e, r);
    }
    has(e) {
      return !!this.loggers.has(e);
    }
    close(e) {
      if (e) return this._removeLogger(e);
      this.loggers.forEach((r, n) => this._removeLogger(n));
    }
    _removeLogger(e) {
      if (!this.loggers.has(e)) return;
      (this.loggers.get(e).close(), this._delete(e));
    }
    _delete(e) {
      this.loggers.delete(e);
    }
  };
});
var yb = g((D) => {
  'use strict';
  var Uc = ni(),
    { warn: Gt } = ii();
  D.version = Ca().version;
  D.transports = pc();
  D.config = dn();
  D.addColors = Uc.levels;
  D.format = Uc.format;
  D.createLogger = cs();
  D.Logger = yn();
  D.ExceptionHandler = os();
  D.RejectionHandler = ls();
  D.Container = Bc();
  D.Transport = lt();
  D.loggers = new D.Container();
  var Se = D.createLogger();
  Object.keys(D.config.npm.levels)
    .concat([
      'log',
      'query',
      'stream',
      'add',
      'remove',
      'clear',
      'profile',
      'startTimer',
      'handleExceptions',
      'unhandleExceptions',
      'handleRejections',
      'unhandleRejections',
      'configure',
      'child',
    ])
    .forEach((t) => (D[t] = (...e) => Se[t](...e)));
  Object.defineProperty(D, 'level', {
    get() {
      return Se.level;
    },
    set(t) {
      Se.level = t;
    },
  });
  Object.defineProperty(D, 'exceptions', {
    get() {
      return Se.exceptions;
    },
  });
  Object.defineProperty(D, 'rejections', {
    get() {
      return Se.rejections;
    },
  });
  ['exitOnError'].forEach((t) => {
    Object.defineProperty(D, t, {
      get() {
        return Se[t];
      },
      set(e) {
        Se[t] = e;
      },
    });
  });
  Object.defineProperty(D, 'default', {
    get() {
      return {
        exceptionHandlers: Se.exceptionHandlers,
        rejectionHandlers: Se.rejectionHandlers,
        transports: Se.transports,
      };
    },
  });
  Gt.deprecated(D, 'setLevels');
  Gt.forFunctions(D, 'useFormat', ['cli']);
  Gt.forProperties(D, 'useFormat', ['padLevels', 'stripColors']);
  Gt.forFunctions(D, 'deprecated', ['addRewriter', 'addFilter', 'clone', 'extend']);
  Gt.forProperties(D, 'deprecated', ['emitErrs', 'levelLength']);
});
var ae = class extends Error {
  name = 'ServingError';
  code;
  constructor(e, r, n) {
    (super(r, n), (this.code = e));
  }
};
function Xt(t) {
  return t instanceof Error ? t.message : String(t);
}
var er = () => {},
  ws = { debug: er, info: er, warn: er, error: er };
function Vc(t, e) {
  if (t[0] instanceof Float32Array) {
    let i = new Float32Array(e),
      s = 0;
    for (let o of t) (i.set(o, s), (s += o.length));
    return i;
  }
  let n = [];
  for (let i of t) for (let s of i) n.push(s);
  return n;
}
function _s(t) {
  let [e] = t;
  if (t.length === 1 && e !== void 0) return e;
  let r = t.reduce((s, o) => s + o.rows, 0),
    n = e?.columns.length ?? 0,
    i = [];
  for (let s = 0; s < n; s++)
    i.push(
      Vc(
        t.map((o) => o.columns[s] ?? []),
        r,
      ),
    );
  return { rows: r, columns: i };
}
function vs(t, e) {
  let { start: r, end: n } = e;
  return {
    rows: n - r,
    columns: t.columns.map((i) => (i instanceof Float32Array ? i.subarray(r, n) : i.slice(r, n))),
  };
}
function xs(t) {
  let e = t.reduce((s, o) => s + o.probability.length, 0),
    r = new Float32Array(e),
    n = new BigInt64Array(e),
    i = 0;
  for (let s of t) (r.set(s.probability, i), n.set(s.label, i), (i += s.probability.length));
  return { probability: r, label: n };
}
var tr = class {
  #e;
  #t;
  #i;
  #r = [];
  #s = 0;
  #n = 0;
  #a;
  #l;
  #c = [];
  #u = { runs: 0, requests: 0, rows: 0 };
  constructor(e) {
    ((this.#e = e.run), (this.#t = e.maxBatchRows ?? 512), (this.#i = e.maxWaitMs ?? 2));
  }
  score(e) {
    return e.rows === 0
      ? Promise.resolve({ probability: new Float32Array(0), label: new BigInt64Array(0) })
      : e.rows > this.#t
        ? this.#f(e)
        : new Promise((r, n) => {
            (this.#r.push({ batch: e, resolve: r, reject: n }),
              (this.#s += e.rows),
              this.#u.requests++,
              this.#s >= this.#t
                ? this.#o()
                : this.#n === 0
                  ? (this.#l ??= setImmediate(() => this.#o()))
                  : (this.#a ??= setTimeout(() => this.#o(), this.#i)));
          });
  }
  async #f(e) {
    let r = [];
    for (let n = 0; n < e.rows; n += this.#t) {
      let i = Math.min(e.rows, n + this.#t);
      r.push(await this.score(vs(e, { start: n, end: i })));
    }
    return xs(r);
  }
  get stats() {
    return { ...this.#u };
  }
  get pending() {
    return this.#r.length + this.#n;
  }
  idle() {
    return this.pending === 0 ? Promise.resolve() : new Promise((e) => this.#c.push(e));
  }
  #d() {
    let e = [],
      r = 0;
    for (; this.#r.length > 0;) {
      let n = this.#r[0];
      if (n === void 0 || (e.length > 0 && r + n.batch.rows > this.#t)) break;
      (e.push(n), (r += n.batch.rows), this.#r.shift());
    }
    return ((this.#s -= r), e);
  }
  #o() {
    (clearTimeout(this.#a),
      this.#l !== void 0 && clearImmediate(this.#l),
      (this.#a = void 0),
      (this.#l = void 0));
    let e = this.#d();
    e.length !== 0 &&
      (this.#n++,
      this.#h(e),
      this.#s >= this.#t
        ? this.#o()
        : this.#r.length > 0 && (this.#a = setTimeout(() => this.#o(), this.#i)));
  }
  async #h(e) {
    let r;
    try {
      ((r = _s(e.map((s) => s.batch))), this.#u.runs++, (this.#u.rows += r.rows));
      let n = await this.#e(r);
      if (n.probability.length !== r.rows || n.label.length !== r.rows)
        throw new Error(
          `the model returned ${n.probability.length} scores for a batch of ${r.rows} rows`,
        );
      let i = 0;
      for (let s of e) {
        let o = i + s.batch.rows;
        (s.resolve({ probability: n.probability.subarray(i, o), label: n.label.subarray(i, o) }),
          (i = o));
      }
    } catch (n) {
      for (let i of e) i.reject(n);
    } finally {
      if ((this.#n--, this.#r.length > 0)) this.#o();
      else if (this.pending === 0) for (let n of this.#c.splice(0)) n();
    }
  }
};
import * as xn from 'onnxruntime-node';
function rr(t, e) {
  if (e.columns.length !== t.length)
    throw new ae(
      'BAD_BATCH',
      `the batch has ${e.columns.length} columns but the model takes ${t.length} features`,
    );
  t.forEach((r, n) => {
    let i = e.columns[n] ?? [];
    if (i instanceof Float32Array !== (r.type === 'numeric'))
      throw new ae(
        'BAD_BATCH',
        `column ${n} ('${r.name}') must be ${r.type === 'numeric' ? 'a Float32Array' : 'strings'}`,
      );
    if (i.length !== e.rows)
      throw new ae('BAD_BATCH', `column '${r.name}' has ${i.length} values for ${e.rows} rows`);
  });
}
function Yc(t, e) {
  let r = {};
  return (
    t.forEach((n, i) => {
      let s = e.columns[i] ?? [];
      r[n.name] =
        s instanceof Float32Array
          ? new xn.Tensor('float32', s, [e.rows])
          : new xn.Tensor('string', s, [e.rows]);
    }),
    r
  );
}
async function Sn(t) {
  let e;
  try {
    e = await t.session.run(Yc(t.features, t.batch));
  } catch (i) {
    throw new ae('SCORING_FAILED', `onnxruntime failed to score the batch: ${String(i)}`, {
      cause: i,
    });
  }
  let r = e.probability?.data,
    n = e.label?.data;
  if (!(r instanceof Float32Array) || !(n instanceof BigInt64Array))
    throw new ae('SCORING_FAILED', 'the model did not return float32 probability and int64 label');
  return { probability: r, label: n };
}
var nr = class {
  model;
  session;
  batcher;
  #e = 0;
  #t = !1;
  #i = !1;
  #r = () => {};
  #s = new Promise((e) => (this.#r = e));
  constructor(e) {
    ((this.model = e.model), (this.session = e.session));
    let { features: r } = e.model;
    this.batcher = new tr({
      run: (n) => Sn({ session: this.session, features: r, batch: n }),
      ...e.batching,
    });
  }
  async score(e) {
    (rr(this.model.features, e), this.#e++);
    try {
      return await this.batcher.score(e);
    } finally {
      (this.#e--, this.#t && this.#e === 0 && this.#n());
    }
  }
  run(e) {
    return Sn({ session: this.session, features: this.model.features, batch: e });
  }
  get inflight() {
    return this.#e;
  }
  retire() {
    return ((this.#t = !0), this.#e === 0 && this.#n(), this.#s);
  }
  async #n() {
    this.#i ||
      ((this.#i = !0),
      await this.batcher.idle(),
      await this.session.release().catch(() => {}),
      this.#r());
  }
};
var Kc = { numeric: 'float32', categorical: 'string' },
  Jc = [
    { name: 'probability', type: 'float32' },
    { name: 'label', type: 'int64' },
  ];
function ir(t) {
  return t.isTensor ? t.type : 'non-tensor';
}
function Ss(t) {
  return t.map((e) => `'${e}'`).join(', ');
}
function Es(t, e) {
  let r = [],
    n = new Map(t.inputMetadata.map((l) => [l.name, l])),
    i = new Set(e.map((l) => l.name)),
    s = e.filter((l) => !n.has(l.name)).map((l) => l.name),
    o = [...n.keys()].filter((l) => !i.has(l));
  (s.length > 0 && r.push(`champion/schema.json features ${Ss(s)} are not inputs of model.onnx`),
    o.length > 0 && r.push(`model.onnx inputs ${Ss(o)} are not features in champion/schema.json`));
  for (let l of e) {
    let u = n.get(l.name);
    if (u === void 0) continue;
    let d = Kc[l.type];
    ir(u) !== d
      ? r.push(
          `feature '${l.name}' is ${l.type} in champion/schema.json (needs ${d}) but model.onnx takes ${ir(u)}`,
        )
      : u.isTensor &&
        u.shape.length !== 1 &&
        r.push(`model.onnx input '${l.name}' has rank ${u.shape.length}, not 1`);
  }
  let a = new Map(t.outputMetadata.map((l) => [l.name, l]));
  for (let l of Jc) {
    let u = a.get(l.name);
    u === void 0
      ? r.push(`model.onnx has no '${l.name}' output`)
      : ir(u) !== l.type && r.push(`model.onnx output '${l.name}' is ${ir(u)}, not ${l.type}`);
  }
  return r;
}
import * as Os from 'onnxruntime-node';
var gt = {
  graphOptimizationLevel: 'all',
  executionMode: 'sequential',
  intraOpNumThreads: 1,
  interOpNumThreads: 1,
};
async function Ms(t, e = gt) {
  return Os.InferenceSession.create(t, e);
}
import { readFile as Ts } from 'node:fs/promises';
import { join as bt } from 'node:path';
var Zc = A.object({
    name: A.string(),
    type: A.literal('numeric'),
    min: A.number().nullable().optional(),
    max: A.number().nullable().optional(),
  }).loose(),
  Qc = A.object({
    name: A.string(),
    type: A.literal('categorical'),
    categories: A.array(A.string()),
  }).loose(),
  Xc = A.object({
    features: A.array(
      A.object({ name: A.string().min(1), type: A.enum(['numeric', 'categorical']) }).loose(),
    ).min(1),
    target: A.object({ name: A.string(), positive: A.string(), negative: A.string() }).loose(),
    featureFacts: A.array(A.discriminatedUnion('type', [Zc, Qc])).optional(),
    threshold: A.number().min(0).max(1).optional(),
    learner: A.string().optional(),
  }).loose();
function ks(t) {
  let e;
  try {
    e = JSON.parse(t);
  } catch (n) {
    throw new Error(`champion/schema.json is not JSON (${String(n)})`);
  }
  let r = Xc.safeParse(e);
  if (!r.success) {
    let n = r.error.issues[0],
      i = n?.path.join('.') ?? '';
    throw new Error(`champion/schema.json is not a champion schema: '${i}' ${n?.message ?? ''}`);
  }
  return r.data;
}
var ef = A.record(A.string(), A.number()),
  tf = A.object({ columns: A.array(A.string()), data: A.array(A.array(A.unknown())) });
async function Rs(t) {
  let e;
  try {
    e = await Ts(t.path, 'utf8');
  } catch (n) {
    if (n.code === 'ENOENT') return t.fallback;
    throw n;
  }
  let r = t.schema.safeParse(JSON.parse(e));
  if (!r.success) throw new Error(`${t.path} is malformed: ${r.error.issues[0]?.message ?? ''}`);
  return r.data;
}
async function Ns(t) {
  let e = await ys(bt(t, 'MLmodel')),
    r = e.flavors.onnx;
  if (r === void 0) {
    let s = Object.keys(e.flavors).join(', ') || 'none';
    throw new Error(`MLmodel has no onnx flavor (flavors: ${s}); serving runs ONNX models only`);
  }
  let n = typeof r.data == 'string' ? r.data : 'model.onnx',
    i;
  try {
    i = await Ts(bt(t, 'champion', 'schema.json'), 'utf8');
  } catch (s) {
    throw new Error(`champion/schema.json is missing or unreadable (${String(s)})`);
  }
  return {
    mlmodel: e,
    onnxPath: bt(t, n),
    schema: ks(i),
    metrics: await Rs({ path: bt(t, 'metrics.json'), schema: ef, fallback: {} }),
    inputExample: await Rs({
      path: bt(t, 'input_example.json'),
      schema: tf,
      fallback: { columns: [], data: [] },
    }),
  };
}
function As(t, e) {
  let r = new Map(e.columns.map((s, o) => [s, o]));
  if (e.data.length === 0 || t.some((s) => !r.has(s.name))) return;
  let n = e.data.length,
    i = t.map((s) => {
      let o = r.get(s.name) ?? -1;
      if (s.type === 'numeric') {
        let a = new Float32Array(n);
        return (
          e.data.forEach((l, u) => {
            let d = l[o];
            a[u] = d == null || d === '' ? Number.NaN : Number(d);
          }),
          a
        );
      }
      return e.data.map((a) => {
        let l = a[o];
        return l == null ? '' : typeof l == 'string' ? l : JSON.stringify(l);
      });
    });
  return { rows: n, columns: i };
}
function En(t, e) {
  let r = t.map((n) => {
    if (n.type === 'numeric') {
      let s = n.min ?? 0,
        o = n.max ?? 1,
        a = new Float32Array(e);
      for (let l = 0; l < e; l++) a[l] = l % 16 === 15 ? Number.NaN : s + ((o - s) * l) / e;
      return a;
    }
    let i = n.categories ?? [];
    return Array.from({ length: e }, (s, o) =>
      o % 16 === 15 || i.length === 0 ? '' : (i[o % i.length] ?? ''),
    );
  });
  return { rows: e, columns: r };
}
function sr(t, e, r) {
  return new ae(
    'MODEL_INVALID',
    `model ${t.name} version ${t.version} (${t.dir}) is refused: ${e}`,
    { cause: r },
  );
}
function rf(t) {
  let e = t.mlmodel.metadata?.threshold,
    r = e == null ? void 0 : Number(e),
    n = t.schema.threshold;
  if (r !== void 0 && !(r >= 0 && r <= 1))
    throw new Error(`MLmodel metadata.threshold '${String(e)}' is not a probability`);
  if (r !== void 0 && n !== void 0 && Math.abs(r - n) > 1e-9)
    throw new Error(
      `MLmodel metadata.threshold ${r} differs from champion/schema.json threshold ${n}`,
    );
  let i = r ?? n;
  if (i === void 0)
    throw new Error(
      'no decision threshold (MLmodel metadata.threshold or champion/schema.json threshold)',
    );
  return i;
}
function nf(t, e) {
  let r = new Map(e.schema.features.map((i) => [i.name, i.type])),
    n = new Map((e.schema.featureFacts ?? []).map((i) => [i.name, i]));
  return t.inputNames.map((i) => {
    let s = r.get(i) ?? 'numeric',
      o = n.get(i);
    return o?.type === 'categorical'
      ? { name: i, type: s, categories: o.categories }
      : o?.type === 'numeric'
        ? { name: i, type: s, min: o.min ?? null, max: o.max ?? null }
        : { name: i, type: s };
  });
}
async function sf(t) {
  let { features: e, inputExample: r } = t.model,
    n = [En(e, 1), En(e, 64)],
    i = As(e, r);
  i !== void 0 && n.unshift(i);
  for (let s of n) {
    let o = await t.run(s),
      a = o.probability.findIndex((l) => !(l >= 0 && l <= 1));
    if (o.probability.length !== s.rows || a !== -1)
      throw new Error(
        `the warm-up run returned an invalid probability (${o.probability[a] ?? 'none'})`,
      );
  }
}
async function On(t, e) {
  let r = { name: e.name, version: e.version, dir: t },
    n,
    i;
  try {
    ((n = await Ns(t)), (i = rf(n)));
  } catch (f) {
    throw sr(r, Xt(f), f);
  }
  let s;
  try {
    s = await Ms(n.onnxPath, e.sessionOptions ?? gt);
  } catch (f) {
    throw sr(r, `model.onnx does not load in onnxruntime: ${Xt(f)}`, f);
  }
  let o = Es(s, n.schema.features);
  if (o.length > 0)
    throw (
      await s.release().catch(() => {}),
      sr(r, `model.onnx does not match champion/schema.json: ${o.join('; ')}`)
    );
  let { mlmodel: a, schema: l } = n,
    u = Object.freeze({
      name: e.name,
      version: e.version,
      alias: e.alias,
      modelId: e.modelId ?? a.model_id ?? void 0,
      runId: e.runId ?? a.run_id ?? void 0,
      features: nf(s, n),
      target: { name: l.target.name, positive: l.target.positive, negative: l.target.negative },
      threshold: i,
      metrics: n.metrics,
      params: e.params ?? {},
      inputExample: n.inputExample,
      dir: t,
      loadedAt: new Date(),
    }),
    d = new nr({ model: u, session: s, ...(e.batching ? { batching: e.batching } : {}) });
  try {
    await sf(d);
  } catch (f) {
    throw (await d.retire(), sr(r, `warm-up failed: ${Xt(f)}`, f));
  }
  return d;
}
var W = class extends Error {
  name = 'BatchError';
  code;
  constructor(e, r, n) {
    (super(r, n), (this.code = e));
  }
};
import { readdir as of, stat as af } from 'node:fs/promises';
import { basename as lf, dirname as uf, join as cf } from 'node:path';
var qs = /[*?[]/;
function ff(t) {
  let e = '';
  for (let r = 0; r < t.length; r++) {
    let n = t.charAt(r);
    if (n === '*') e += '[^/]*';
    else if (n === '?') e += '[^/]';
    else if (n === '[') {
      let i = t.indexOf(']', r + 1);
      i === -1
        ? (e += '\\[')
        : ((e += `[${t
            .slice(r + 1, i)
            .replace(/^!/, '^')
            .replace(/\\/g, '\\\\')}]`),
          (r = i));
    } else e += n.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${e}$`);
}
async function Mn(t) {
  let e = uf(t);
  if (qs.test(e))
    throw new W(
      'BAD_OPTIONS',
      `--input '${t}': wildcards are allowed in the file name only, not in folders`,
    );
  let r = lf(t);
  if (!qs.test(r)) {
    if (!(await af(t).catch(() => {}))?.isFile())
      throw new W('NO_INPUT', `--input ${t}: no such file`);
    return [t];
  }
  let n = ff(r),
    s = (
      await of(e, { withFileTypes: !0 }).catch((o) => {
        throw new W('NO_INPUT', `--input ${t}: cannot list ${e}`, { cause: o });
      })
    )
      .filter((o) => o.isFile() && n.test(o.name))
      .map((o) => o.name)
      .sort((o, a) => (o < a ? -1 : o > a ? 1 : 0))
      .map((o) => cf(e, o));
  if (s.length === 0) throw new W('NO_INPUT', `--input ${t} matches no file`);
  return s;
}
var kn = 4096;
function df(t) {
  let e = /^(\d+)\/(\d+)$/.exec(t.trim()),
    r = Number(e?.[1]),
    n = Number(e?.[2]);
  if (!e || !(n >= 1) || !(r < n))
    throw new W(
      'BAD_OPTIONS',
      `--shard '${t}' is not I/N with 0 \u2264 I < N (e.g. 0/4 for the first of four shards)`,
    );
  return { index: r, count: n };
}
function $s(t, e) {
  return t.filter((r, n) => n % e.count === e.index);
}
function hf(t, e) {
  return Math.floor((t - 1) / (e.blockRows ?? kn)) % e.count === e.index;
}
function js(t, e) {
  let r = e.blockRows ?? kn,
    n = Math.floor((t - 1) / r),
    i = (t - 1) % r;
  return (e.index + n * e.count) * r + i + 1;
}
function Ls(t, e) {
  return e.count === 1
    ? t
    : {
        name: t.name,
        header: t.header,
        async *batches() {
          let r = 0;
          for await (let n of t.batches()) {
            let i = [],
              s = [];
            for (let o = 0; o < n.fields.length; o++)
              (r++, hf(r, e) && (i.push(n.fields[o]), s.push(n.texts[o] ?? '')));
            i.length > 0 && (yield { fields: i, texts: s });
          }
        },
        close: () => t.close(),
      };
}
import { mkdir as co, readFile as Wf } from 'node:fs/promises';
import { availableParallelism as zf } from 'node:os';
import { dirname as fo, join as Hf } from 'node:path';
var M = class extends Error {
  name = 'NotCompilable';
};
function de(t, e, r) {
  let n = t.attributes.get(e);
  if (n?.kind !== r) throw new M(`${t.opType}: attribute ${e} (${r}) is missing`);
  return n.value;
}
function oe(t, e, r) {
  return r === 'tensor' ? [...de(t, e, 'tensor').values] : [...de(t, e, 'ints')];
}
var yt = 0,
  pf = 6,
  mf = new Set([
    'n_targets',
    'aggregate_function',
    'post_transform',
    'tree_roots',
    'nodes_featureids',
    'nodes_modes',
    'nodes_splits',
    'nodes_missing_value_tracks_true',
    'nodes_truenodeids',
    'nodes_trueleafs',
    'nodes_falsenodeids',
    'nodes_falseleafs',
    'leaf_targetids',
    'leaf_weights',
    'membership_values',
  ]);
function Is(t, e) {
  for (let y of t.attributes.keys()) if (!mf.has(y)) throw new M(`TreeEnsemble: attribute ${y}`);
  if (de(t, 'n_targets', 'int') !== 1) throw new M('TreeEnsemble: n_targets != 1');
  if (de(t, 'aggregate_function', 'int') !== 1) throw new M('TreeEnsemble: not SUM');
  if (de(t, 'post_transform', 'int') !== 0) throw new M('TreeEnsemble: post_transform');
  let r = oe(t, 'tree_roots', 'ints'),
    n = oe(t, 'nodes_featureids', 'ints'),
    i = oe(t, 'nodes_modes', 'tensor'),
    s = oe(t, 'nodes_splits', 'tensor'),
    o = oe(t, 'nodes_missing_value_tracks_true', 'ints'),
    a = oe(t, 'nodes_truenodeids', 'ints'),
    l = oe(t, 'nodes_trueleafs', 'ints'),
    u = oe(t, 'nodes_falsenodeids', 'ints'),
    d = oe(t, 'nodes_falseleafs', 'ints'),
    f = oe(t, 'leaf_weights', 'tensor'),
    h = oe(t, 'leaf_targetids', 'ints'),
    b = t.attributes.has('membership_values') ? oe(t, 'membership_values', 'tensor') : [],
    c = i.length;
  for (let y of [n, s, o, a, l, u, d])
    if (y.length !== c) throw new M('TreeEnsemble: node attributes differ in length');
  if (h.length !== f.length || h.some((y) => y !== 0))
    throw new M('TreeEnsemble: leaves must all go to target 0');
  let p = 0,
    w = i.map((y, S) => {
      let v = n[S];
      if (v < 0 || v >= e.length) throw new M(`TreeEnsemble: node ${S} reads feature ${v}`);
      let O = [];
      if (y === pf) {
        let j = b.findIndex((T, C) => C >= p && Number.isNaN(T));
        if (j < 0) throw new M('TreeEnsemble: membership_values is too short');
        ((O = b.slice(p, j)), (p = j + 1));
      } else if (y !== yt) throw new M(`TreeEnsemble: node mode ${y} is not supported`);
      let $ = {
        feature: v,
        mode: y,
        value: s[S],
        members: O,
        missingTrue: o[S] === 1,
        trueChild: a[S],
        trueIsLeaf: l[S] === 1,
        falseChild: u[S],
        falseIsLeaf: d[S] === 1,
      };
      for (let [j, T] of [
        [$.trueChild, $.trueIsLeaf],
        [$.falseChild, $.falseIsLeaf],
      ])
        if (j < 0 || j >= (T ? f.length : c))
          throw new M(`TreeEnsemble: node ${S} points outside the ensemble`);
      return $;
    });
  return { roots: r, splits: w, leafWeights: f, columns: e };
}
var gf = 600,
  Ps = 2048;
function Pe(t) {
  return Object.is(t, -0) ? '-0' : Number.isNaN(t) ? 'NaN' : String(t);
}
function bf(t, e) {
  let r = 0,
    n = new Set(),
    i = new Set(),
    s = [],
    o = [{ node: e, leaf: !1 }];
  for (let a = o.pop(); a !== void 0; a = o.pop()) {
    if (typeof a == 'string') {
      s.push(a);
      continue;
    }
    if (a.leaf) {
      s.push(`s += ${Pe(t.leafWeights[a.node])};`);
      continue;
    }
    if (i.has(a.node)) throw new M(`TreeEnsemble: node ${a.node} is reached twice`);
    (i.add(a.node), r++);
    let l = t.splits[a.node];
    n.add(t.columns[l.feature]);
    let u = `x${t.columns[l.feature]}`,
      d;
    if (l.mode === yt) d = l.missingTrue ? `!(${u} > ${Pe(l.value)})` : `${u} <= ${Pe(l.value)}`;
    else {
      let f = l.members.map((b) => `v === ${Pe(b)}`).join(' || '),
        h = l.members.length === 0 ? 'false' : f;
      d = l.missingTrue ? `((v = ${u}) !== v || ${h})` : `((v = ${u}), ${h})`;
    }
    (o.push('}'),
      o.push({ node: l.falseChild, leaf: l.falseIsLeaf }),
      o.push('} else {'),
      o.push({ node: l.trueChild, leaf: l.trueIsLeaf }),
      s.push(`if (${d}) {`));
  }
  return {
    code: s.join(`
`),
    splits: r,
    features: n,
  };
}
function Cs(t) {
  let { ensemble: e, base: r, threshold: n, inputs: i, encoders: s } = t,
    o = i.length,
    a = [],
    l = [],
    u = 0,
    d = new Set(),
    f = () => {
      l.length !== 0 &&
        (a.push(`function (x, from, to, acc) {
let v = 0;
for (let i = from; i < to; i++) {
const b = i * ${o};
${[...d].map((b) => `const x${b} = x[b + ${b}];`).join(' ')}
let s = acc[i];
${l.join(`
`)}
acc[i] = s;
}
}`),
        (l = []),
        (u = 0),
        d.clear());
    };
  for (let b of e.roots) {
    let c = bf(e, b);
    (u > 0 && u + c.splits > gf && f(), l.push(c.code), (u += c.splits));
    for (let p of c.features) d.add(p);
  }
  f();
  let h = i.map((b, c) => {
    let p = s.get(c);
    return p === void 0
      ? 'null'
      : `new Map([${p.keys.map((y, S) => `[${JSON.stringify(y)}, ${Pe(p.values[S])}]`).join(', ')}])`;
  });
  return `(() => {
'use strict';
const trees = [
${a.join(`,
`)}
];
const encoders = [${h.join(', ')}];
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const codeOf = (encoder, value) => { const code = encoder.get(value); return code === undefined ? NaN : code; };
// A string column as the doubles LabelEncoder makes of it (unknown and '' are NaN).
const encode = (encoder, column, n) => {
  const out = new Float64Array(n);
  if (Array.isArray(column)) {
    for (let i = 0; i < n; i++) out[i] = codeOf(encoder, column[i]);
    return out;
  }
  const byCode = column.dictionary.map((value) => codeOf(encoder, value));
  for (let i = 0; i < n; i++) out[i] = byCode[column.codes[i]];
  return out;
};
// One loop per array type, so each stays monomorphic.
const transpose32 = (values, x, f, n) => {
  for (let i = 0, at = f; i < n; i++, at += ${o}) x[at] = values[i];
};
const transpose64 = (values, x, f, n) => {
  for (let i = 0, at = f; i < n; i++, at += ${o}) x[at] = values[i];
};
// Scores n rows of a row-major float32 matrix x (n x ${o}): the probability of each row and
// whether it reaches the threshold. The block parser (batch/block-source.ts) fills x directly.
const matrix = (x, n) => {
  const acc = new Float64Array(n);
  // Blocks of rows small enough to stay in cache while every group of trees reads them.
  for (let from = 0; from < n; from += ${Ps}) {
    const to = Math.min(n, from + ${Ps});
    for (const tree of trees) tree(x, from, to, acc);
  }
  const probability = new Float32Array(n);
  const positive = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const logit = acc[i] + ${Pe(r)};
    // onnxruntime's double Sigmoid: 1 / (1 + e^-x) for x >= 0, 1 - 1 / (1 + e^x) below.
    const p = logit >= 0 ? 1 / (1 + Math.exp(-logit)) : 1 - 1 / (1 + Math.exp(logit));
    probability[i] = p;
    if (probability[i] >= ${Pe(n)}) positive[i] = 1;
  }
  return { probability, positive };
};
function score(columns, n) {
  // Row-major float32 (what the graph rounds inputs to; codes are float32 too): one base pointer
  // for every split, measured faster than reading one array per feature.
  const x = new Float32Array(n * ${o});
  for (let f = 0; f < ${o}; f++) {
    if (encoders[f] === null) transpose32(columns[f], x, f, n);
    else transpose64(encode(encoders[f], columns[f], n), x, f, n);
  }
  const { probability, positive } = matrix(x, n);
  const label = new BigInt64Array(n);
  // Labels are 0 or 1: written through 32-bit words (BigInt stores are slow), low word first.
  const words = new Int32Array(label.buffer);
  const low = littleEndian ? 0 : 1;
  for (let i = 0; i < n; i++) if (positive[i] === 1) words[2 * i + low] = 1;
  return { probability, label };
}
score.width = ${o};
score.matrix = matrix;
// What a string input's LabelEncoder makes of a text (NaN when unknown), as x holds it.
score.encode = (input, value) => (encoders[input] === null ? NaN : codeOf(encoders[input], value));
return score;
})()`;
}
var yf = new TextDecoder('utf-8', { fatal: !0 });
function be(t) {
  let e = [],
    r = { pos: 0 },
    n = t.subarray(0, 0);
  for (; r.pos < t.length;) {
    let i = or(t, r),
      s = Number(i >> 3n),
      o = Number(i & 7n);
    if (s === 0) throw new RangeError('field number 0');
    if (o === 0) e.push({ field: s, wireType: o, varint: or(t, r), bytes: n });
    else if (o === 1 || o === 5 || o === 2) {
      let a = o === 1 ? 8 : o === 5 ? 4 : Number(or(t, r));
      if (r.pos + a > t.length) throw new RangeError('truncated field');
      (e.push({ field: s, wireType: o, varint: 0n, bytes: t.subarray(r.pos, r.pos + a) }),
        (r.pos += a));
    } else throw new RangeError(`unsupported wire type ${o}`);
  }
  return e;
}
function or(t, e) {
  let r = 0n;
  for (let n = 0n; n < 70n; n += 7n) {
    let i = t[e.pos++];
    if (i === void 0) throw new RangeError('truncated varint');
    if (((r |= BigInt(i & 127) << n), i < 128)) return r;
  }
  throw new RangeError('varint longer than 10 bytes');
}
function le(t) {
  if (t.wireType !== 2) throw new RangeError(`field ${t.field} is not length-delimited`);
  return yf.decode(t.bytes);
}
function wt(t) {
  let e = (i) => Number(BigInt.asIntN(64, i));
  if (t.wireType === 0) return [e(t.varint)];
  if (t.wireType !== 2) throw new RangeError(`field ${t.field} is not an integer`);
  let r = [],
    n = { pos: 0 };
  for (; n.pos < t.bytes.length;) r.push(e(or(t.bytes, n)));
  return r;
}
function ar(t) {
  if (t.wireType !== 5 && t.wireType !== 2) throw new RangeError(`field ${t.field} is not a float`);
  return _t(t.bytes, 4);
}
function Fs(t) {
  if (t.wireType !== 1 && t.wireType !== 2)
    throw new RangeError(`field ${t.field} is not a double`);
  return _t(t.bytes, 8);
}
function _t(t, e) {
  if (t.length % e !== 0) throw new RangeError(`${t.length} bytes is not a multiple of ${e}`);
  let r = new DataView(t.buffer, t.byteOffset, t.byteLength),
    n = [];
  for (let i = 0; i < t.length; i += e) n.push(e === 4 ? r.getFloat32(i, !0) : r.getFloat64(i, !0));
  return n;
}
var re = { FLOAT: 1, UINT8: 2, INT32: 6, INT64: 7, STRING: 8, BOOL: 9, DOUBLE: 11 };
function Bs(t) {
  let e = new Map(),
    r;
  for (let a of be(t))
    if (a.field === 7 && a.wireType === 2) r = a;
    else if (a.field === 8 && a.wireType === 2) {
      let l = '',
        u = 0;
      for (let d of be(a.bytes))
        d.field === 1 ? (l = le(d)) : d.field === 2 && d.wireType === 0 && (u = Number(d.varint));
      e.set(l === 'ai.onnx' ? '' : l, u);
    }
  if (r === void 0) throw new RangeError('the model has no graph');
  let n = [],
    i = [],
    s = [],
    o = new Map();
  for (let a of be(r.bytes))
    if (a.wireType === 2)
      if (a.field === 1) s.push(wf(a.bytes));
      else if (a.field === 5) {
        let l = Us(a.bytes);
        o.set(l.name, l);
      } else a.field === 11 ? n.push(Ds(a.bytes)) : a.field === 12 && i.push(Ds(a.bytes));
  return {
    opsets: e,
    inputs: n.filter((a) => !o.has(a.name)),
    outputs: i,
    nodes: s,
    initializers: o,
  };
}
function Ds(t) {
  let e = '',
    r = 0;
  for (let n of be(t))
    if (n.field === 1) e = le(n);
    else if (n.field === 2 && n.wireType === 2) {
      for (let i of be(n.bytes))
        if (!(i.field !== 1 || i.wireType !== 2))
          for (let s of be(i.bytes)) s.field === 1 && s.wireType === 0 && (r = Number(s.varint));
    }
  return { name: e, elemType: r };
}
function wf(t) {
  let e = [],
    r = [],
    n = new Map(),
    i = '',
    s = '';
  for (let o of be(t))
    if (o.field === 1) e.push(le(o));
    else if (o.field === 2) r.push(le(o));
    else if (o.field === 4) i = le(o);
    else if (o.field === 7) s = le(o);
    else if (o.field === 5 && o.wireType === 2) {
      let { name: a, attribute: l } = _f(o.bytes);
      l !== void 0 && n.set(a, l);
    }
  return { opType: i, domain: s === 'ai.onnx' ? '' : s, inputs: e, outputs: r, attributes: n };
}
var Ce = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, FLOATS: 6, INTS: 7, STRINGS: 8 };
function _f(t) {
  let e = '',
    r = 0,
    n,
    i,
    s,
    o,
    a = [],
    l = [],
    u = [];
  for (let f of be(t))
    f.field === 1
      ? (e = le(f))
      : f.field === 20 && f.wireType === 0
        ? (r = Number(f.varint))
        : f.field === 2
          ? (n = ar(f)[0])
          : f.field === 3
            ? (i = wt(f)[0])
            : f.field === 4
              ? (s = le(f))
              : f.field === 5 && f.wireType === 2
                ? (o = Us(f.bytes))
                : f.field === 7
                  ? a.push(...ar(f))
                  : f.field === 8
                    ? l.push(...wt(f))
                    : f.field === 9 && u.push(le(f));
  let d =
    r === Ce.FLOAT && n !== void 0
      ? { kind: 'float', value: n }
      : r === Ce.INT && i !== void 0
        ? { kind: 'int', value: i }
        : r === Ce.STRING && s !== void 0
          ? { kind: 'string', value: s }
          : r === Ce.TENSOR && o !== void 0
            ? { kind: 'tensor', value: o }
            : r === Ce.FLOATS
              ? { kind: 'floats', value: a }
              : r === Ce.INTS
                ? { kind: 'ints', value: l }
                : r === Ce.STRINGS
                  ? { kind: 'strings', value: u }
                  : void 0;
  return { name: e, attribute: d };
}
function Us(t) {
  let e = '',
    r = 0,
    n = [],
    i = [],
    s = [],
    o;
  for (let l of be(t))
    l.field === 1
      ? n.push(...wt(l))
      : l.field === 2 && l.wireType === 0
        ? (r = Number(l.varint))
        : l.field === 8
          ? (e = le(l))
          : l.field === 9 && l.wireType === 2
            ? (o = l.bytes)
            : l.field === 4
              ? i.push(...ar(l))
              : l.field === 5 || l.field === 7
                ? i.push(...wt(l))
                : l.field === 10
                  ? i.push(...Fs(l))
                  : l.field === 6 && l.wireType === 2 && s.push(le(l));
  let a = o === void 0 ? i : vf(o, r);
  return { name: e, dataType: r, dims: n, values: a, strings: s };
}
function vf(t, e) {
  switch (e) {
    case re.FLOAT:
      return _t(t, 4);
    case re.DOUBLE:
      return _t(t, 8);
    case re.UINT8:
    case re.BOOL:
      return [...t];
    case re.INT32: {
      let r = new DataView(t.buffer, t.byteOffset, t.byteLength);
      return Array.from({ length: t.length / 4 }, (n, i) => r.getInt32(4 * i, !0));
    }
    case re.INT64: {
      let r = new DataView(t.buffer, t.byteOffset, t.byteLength);
      return Array.from({ length: t.length / 8 }, (n, i) => Number(r.getBigInt64(8 * i, !0)));
    }
    default:
      throw new RangeError(`raw_data of tensor type ${e} is not supported`);
  }
}
var Ws = 5;
function zs(t) {
  let e = t.opsets.get('ai.onnx.ml');
  if (e !== Ws) throw new M(`ai.onnx.ml opset ${e ?? 'none'}, not ${Ws}`);
  let r = t.outputs.map((f) => f.name).sort();
  if (r.join() !== 'label,probability')
    throw new M(`the graph's outputs are ${r.join(', ')}, not label and probability`);
  let n = new Map(),
    i = t.inputs.map((f, h) => {
      if (f.elemType !== re.FLOAT && f.elemType !== re.STRING)
        throw new M(`input '${f.name}' has element type ${f.elemType}`);
      return (n.set(f.name, { kind: 'input', input: h }), f);
    }),
    s = new Map();
  for (let f of t.nodes) {
    let h = f.outputs[0];
    if (f.outputs.length !== 1 || h === void 0)
      throw new M(`${f.opType} node has ${f.outputs.length} outputs`);
    n.set(h, xf({ node: f, graph: t, values: n, encoders: s, inputs: i }));
  }
  let o = n.get('probability'),
    a = n.get('label');
  if (o?.kind !== 'probability' || o.stage !== 'flat' || a?.kind !== 'label' || a.logit !== o.logit)
    throw new M('the outputs are not probability = Sigmoid(trees) and its label');
  let { ensemble: l, base: u } = o.logit;
  return {
    source: Cs({ ensemble: l, base: u, threshold: a.threshold, inputs: i, encoders: s }),
    trees: l.roots.length,
    splits: l.splits.length,
    inputs: i.map((f, h) => {
      let b = s.get(h);
      if (b !== void 0) return { name: f.name, kind: 'categorical', keys: b.keys };
      let c = l.splits
        .filter((p) => p.mode === yt && l.columns[p.feature] === h)
        .map((p) => p.value);
      return { name: f.name, kind: 'numeric', thresholds: [...new Set(c)] };
    }),
  };
}
function xf(t) {
  let { node: e, graph: r, values: n, encoders: i, inputs: s } = t,
    o = `${e.opType} node '${e.outputs[0] ?? ''}'`,
    a = (c) => {
      let p = e.inputs[c],
        w = p === void 0 ? void 0 : n.get(p);
      if (w === void 0) throw new M(`${o}: input ${c} is not supported`);
      return w;
    },
    l = (c) => {
      let p = r.initializers.get(e.inputs[c] ?? '');
      if (p === void 0) throw new M(`${o}: input ${c} is not a constant`);
      return [...p.values];
    },
    u = (c) => {
      let p = l(c);
      if (p.length !== 1) throw new M(`${o}: expected a scalar constant`);
      return p[0];
    },
    d = () => {
      let c = l(1);
      if (c.length !== 1 || c[0] !== 1) throw new M(`${o}: axes must be [1]`);
    },
    h = `${e.domain === '' ? 'onnx' : e.domain}:${e.opType}`,
    b = () => a(0);
  switch (h) {
    case 'onnx:Identity':
      return b();
    case 'ai.onnx.ml:LabelEncoder': {
      let c = b();
      if (c.kind !== 'input' || s[c.input]?.elemType !== re.STRING)
        throw new M(`${o}: only string inputs are encoded`);
      let p = [...de(e, 'keys_strings', 'strings')],
        w = [...de(e, 'values_floats', 'floats')],
        y = e.attributes.get('default_float');
      if (p.length !== w.length || y?.kind !== 'float' || !Number.isNaN(y.value))
        throw new M(`${o}: expected string keys to float codes, NaN by default`);
      if (e.attributes.size !== 3) throw new M(`${o}: unexpected attributes`);
      return (i.set(c.input, { keys: p, values: w }), { kind: 'encoded', input: c.input });
    }
    case 'onnx:Unsqueeze': {
      let c = b();
      if ((d(), c.kind === 'input' && s[c.input]?.elemType === re.FLOAT))
        return { kind: 'column', input: c.input, double: !1 };
      if (c.kind === 'encoded') return { kind: 'column', input: c.input, double: !1 };
      throw new M(`${o}: only feature columns are unsqueezed`);
    }
    case 'onnx:Cast': {
      let c = b(),
        p = de(e, 'to', 'int');
      if (c.kind === 'column' && p === re.DOUBLE) return { ...c, double: !0 };
      if (c.kind === 'probability' && c.stage === 'double' && p === re.FLOAT)
        return { ...c, stage: 'float' };
      if (c.kind === 'positive' && p === re.INT64) return { ...c, kind: 'label' };
      throw new M(`${o}: cast to type ${p} is not supported here`);
    }
    case 'onnx:Concat': {
      if (de(e, 'axis', 'int') !== 1) throw new M(`${o}: axis must be 1`);
      return {
        kind: 'matrix',
        inputs: e.inputs.map((p, w) => {
          let y = a(w);
          if (y.kind !== 'column' || !y.double)
            throw new M(`${o}: input ${w} is not a double feature column`);
          return y.input;
        }),
      };
    }
    case 'ai.onnx.ml:TreeEnsemble': {
      let c = b();
      if (c.kind !== 'matrix') throw new M(`${o}: input is not the feature matrix`);
      return { kind: 'raw', ensemble: Is(e, c.inputs) };
    }
    case 'onnx:Add': {
      let c = b();
      if (c.kind !== 'raw') throw new M(`${o}: only the tree sum gets a base score`);
      return { kind: 'logit', ensemble: c.ensemble, base: u(1) };
    }
    case 'onnx:Sigmoid': {
      let c = b();
      if (c.kind !== 'logit') throw new M(`${o}: input is not the logit`);
      return { kind: 'probability', logit: c, stage: 'double' };
    }
    case 'onnx:Squeeze': {
      let c = b();
      if ((d(), c.kind !== 'probability' || c.stage !== 'float'))
        throw new M(`${o}: only the float probability is squeezed`);
      return { ...c, stage: 'flat' };
    }
    case 'onnx:GreaterOrEqual': {
      let c = b(),
        p = u(1);
      if (c.kind !== 'probability' || c.stage !== 'flat' || Math.fround(p) !== p)
        throw new M(`${o}: expected probability >= a float32 threshold`);
      return { kind: 'positive', logit: c.logit, threshold: p };
    }
    default:
      throw new M(`${o}: operator ${h} is not supported`);
  }
}
function vt(t) {
  return new Function(`return ${t.source};`)();
}
var lr = new Float32Array(1),
  Hs = new Uint32Array(lr.buffer);
function Gs(t, e) {
  lr[0] = t;
  let r = lr[0];
  return Number.isFinite(r)
    ? r === 0
      ? e
        ? 1401298464324817e-60
        : -1401298464324817e-60
      : ((Hs[0] = Hs[0] + (r > 0 === e ? 1 : -1)), lr[0])
    : r;
}
function Sf(t) {
  if (t.kind === 'categorical') return [...t.keys, '', '\0champion:unseen'];
  let e = new Set([NaN, 0, -1, 1, 1 / 0, -1 / 0, 34e37, -34e37]);
  for (let r of t.thresholds) (e.add(Math.fround(r)), e.add(Gs(r, !0)), e.add(Gs(r, !1)));
  return [...e];
}
function Ef(t, e = 2048) {
  let r = t.inputs.map(Sf),
    n = Math.max(e, ...r.map((s) => s.length)),
    i = r.map((s, o) => {
      let a = 2 * o + 1,
        l = (u) => s[(u * a + o) % s.length];
      return t.inputs[o]?.kind === 'categorical'
        ? Array.from({ length: n }, (u, d) => String(l(d)))
        : Float32Array.from({ length: n }, (u, d) => Number(l(d)));
    });
  return { rows: n, columns: i };
}
async function Vs(t) {
  let { program: e, reference: r } = t,
    n = Ef(e),
    i = await r(n),
    s = vt(e)(n.columns, n.rows),
    o = 0,
    a;
  for (let l = 0; l < n.rows; l++)
    (Object.is(s.probability[l], i.probability[l]) && s.label[l] === i.label[l]) ||
      (o++,
      (a ??= `row ${l}: onnxruntime ${i.probability[l]} / ${i.label[l]}, compiled ${s.probability[l]} / ${s.label[l]}`));
  return { rows: n.rows, mismatches: o, ...(a === void 0 ? {} : { example: a }) };
}
var Ys = ['probability', 'label', 'model_version'];
function ur(t, e) {
  let r = {};
  for (let n of t) r[n] = 'categorical';
  for (let n of e) r[n.name] = n.type;
  return r;
}
async function Of(t) {
  let e;
  try {
    let s = await Zt(t.file);
    ((e = s.header), await s.close());
  } catch (s) {
    let o = s instanceof Error ? s.message : String(s);
    throw new W('NO_INPUT', `cannot read ${t.file}: ${o}`, { cause: s });
  }
  let r = new Set(e),
    n = t.features.map((s) => s.name).filter((s) => !r.has(s));
  if (n.length > 0)
    throw new W(
      'MISSING_COLUMNS',
      `${t.file} lacks the feature column${n.length > 1 ? 's' : ''} ${n.join(', ')} the model needs; the file has: ${e.join(', ')}`,
    );
  let i = t.keep.filter((s) => !r.has(s));
  if (i.length > 0)
    throw new W(
      'MISSING_COLUMNS',
      `${t.file} has no column ${i.join(', ')} to --keep; the file has: ${e.join(', ')}`,
    );
  return e;
}
async function Ks(t) {
  let e = t.keep.filter((o) => Ys.includes(o));
  if (e.length > 0)
    throw new W(
      'BAD_OPTIONS',
      `--keep ${e.join(', ')}: the output already has ${Ys.join(', ')}; rename the input column`,
    );
  let r = await Mn(t.input),
    n = r.length === 1,
    i = n ? r : $s(r, t.shard),
    s = new Map();
  for (let o of i) s.set(o, await Of({ file: o, features: t.features, keep: t.keep }));
  return n && t.shard.count > 1
    ? { files: i, headers: s, rowShard: t.shard }
    : { files: i, headers: s };
}
function Mf(t, e) {
  return t.map((r) => ({
    ...r,
    row: e(r.row),
    reasons: r.reasons.map((n) => ({ ...n, row: e(n.row) })),
  }));
}
async function* Js(t) {
  let { plan: e, features: r, chunkRows: n } = t;
  for (let i of e.files) {
    let s = await Zt(i),
      { rowShard: o } = e,
      a = o ? Ls(s, o) : s;
    try {
      let l = Qt(a, { chunkRows: n, onBadRows: 'set-aside', columnTypes: ur(s.header, r) });
      for await (let u of l)
        yield o
          ? { file: i, chunk: { ...u, setAside: Mf(u.setAside, (d) => js(d, o)) } }
          : { file: i, chunk: u };
    } catch (l) {
      if (!(l instanceof gs && l.code === 'NO_DATA_ROWS')) throw l;
    } finally {
      await a.close();
    }
  }
}
function kf(t) {
  return t.kind === 'numeric'
    ? Float32Array.from(t.values)
    : new Float32Array(t.codes.length).fill(NaN);
}
function Rf(t, e) {
  let r = new Array(e);
  if (t.kind === 'categorical') {
    let { codes: n, dictionary: i } = t;
    for (let s = 0; s < e; s++) r[s] = i[n[s] ?? -1] ?? '';
    return r;
  }
  for (let n = 0; n < e; n++) {
    let i = t.values[n] ?? NaN;
    r[n] = Number.isNaN(i) ? '' : String(i);
  }
  return r;
}
function cr(t, e) {
  let r = new Map(t.columns.map((i) => [i.name, i])),
    n = e.map((i) => {
      let s = r.get(i.name);
      if (s === void 0) throw new Error(`feature column '${i.name}' is not in the chunk`);
      return i.type === 'numeric' ? kf(s) : Rf(s, t.rowCount);
    });
  return { rows: t.rowCount, columns: n };
}
import { rm as Tf } from 'node:fs/promises';
var fr = (t) => `'${t.replaceAll("'", "''")}'`,
  Rn = class {
    csv;
    paths;
    #e;
    constructor(e, r) {
      ((this.csv = e), (this.paths = r));
    }
    async write(e) {
      ((this.#e ??= Object.fromEntries(
        e.columns.map((r) => [r.name, r.kind === 'numeric' ? 'DOUBLE' : 'VARCHAR']),
      )),
        await this.csv.write(e));
    }
    async writeText(e) {
      await this.csv.writeText(e);
    }
    async close() {
      await this.csv.close();
      let { DuckDBInstance: e } = await import('@duckdb/node-api'),
        r = await e.create(':memory:', {
          threads: '2',
          memory_limit: '512MB',
          preserve_insertion_order: 'true',
        }),
        n = await r.connect();
      try {
        let i = Object.entries(this.#e ?? { probability: 'DOUBLE' })
          .map(([s, o]) => `${fr(s)}: ${fr(o)}`)
          .join(', ');
        await n.run(
          `COPY (SELECT * FROM read_csv(${fr(this.paths.staging)}, header = true, delim = ',', quote = '"', escape = '"', columns = {${i}})) TO ${fr(this.paths.out)} (FORMAT parquet)`,
        );
      } finally {
        (n.closeSync(), r.closeSync(), await Tf(this.paths.staging, { force: !0 }));
      }
    }
  };
async function Zs(t) {
  let e = `${t}.staging.csv`;
  return new Rn(await Qe(e), { out: t, staging: e });
}
function Tn(t) {
  if (/\.csv$/i.test(t)) return 'csv';
  if (/\.(parquet|pq)$/i.test(t)) return 'parquet';
  throw new W(
    'BAD_OPTIONS',
    `--output ${t}: the extension must be .csv or .parquet (it chooses the format)`,
  );
}
async function Qs(t) {
  return Tn(t) === 'csv' ? Qe(t) : Zs(t);
}
function Xs(t) {
  let { table: e, keep: r, scores: n, model: i } = t,
    s = e.rowCount,
    o = new Map(e.columns.map((u) => [u.name, u])),
    a = r.map((u) => o.get(u)).filter((u) => u !== void 0),
    l = new Int32Array(s);
  for (let u = 0; u < s; u++) l[u] = n.label[u] === 1n ? 1 : 0;
  return {
    rowCount: s,
    columns: [
      ...a,
      { name: 'probability', kind: 'numeric', values: Float64Array.from(n.probability) },
      {
        name: 'label',
        kind: 'categorical',
        codes: l,
        dictionary: [i.target.negative, i.target.positive],
      },
      {
        name: 'model_version',
        kind: 'categorical',
        codes: new Int32Array(s),
        dictionary: [i.version],
      },
    ],
  };
}
function eo(t) {
  let e = new Set(t.features.filter((n) => n.type === 'numeric').map((n) => n.name));
  return {
    rowCount: 0,
    columns: [
      ...t.keep.map((n) =>
        e.has(n)
          ? { name: n, kind: 'numeric', values: new Float64Array(0) }
          : { name: n, kind: 'categorical', codes: new Int32Array(0), dictionary: [] },
      ),
      { name: 'probability', kind: 'numeric', values: new Float64Array(0) },
      { name: 'label', kind: 'categorical', codes: new Int32Array(0), dictionary: [] },
      { name: 'model_version', kind: 'categorical', codes: new Int32Array(0), dictionary: [] },
    ],
  };
}
function hr(t) {
  return t
    .map((e) =>
      e.column === '' ? `row ${e.problem}` : `column ${e.column}: '${e.value}' ${e.problem}`,
    )
    .join('; ');
}
function Nn(t, e) {
  return { name: t, kind: 'categorical', codes: Int32Array.from(e, (r, n) => n), dictionary: e };
}
var dr = class t {
  csv;
  constructor(e) {
    this.csv = e;
  }
  static async open(e) {
    let r = new t(await Qe(e));
    return (await r.write([]), r);
  }
  async write(e) {
    let r = {
      rowCount: e.length,
      columns: [
        Nn(
          'file',
          e.map((n) => n.file),
        ),
        { name: 'row', kind: 'numeric', values: Float64Array.from(e, (n) => n.row) },
        Nn(
          'reason',
          e.map((n) => n.reason),
        ),
        Nn(
          'record',
          e.map((n) => n.record),
        ),
      ],
    };
    await this.csv.write(r);
  }
  close() {
    return this.csv.close();
  }
};
import { createRequire as io } from 'node:module';
import { join as qf } from 'node:path';
import { Worker as so } from 'node:worker_threads';
var An = `function scoreBlock(bytes, layout, score) {
  const width = layout.width;
  const features = layout.features;
  const inputs = features.length;
  const keep = layout.keep;
  const missing = new Set(layout.missing);
  missing.add('');
  const utf8 = new TextDecoder();
  const encoder = new TextEncoder();
  // Only a field starting with one of these bytes can be a missing token (or is empty).
  const tokenStart = new Uint8Array(256);
  let tokenBytes = 0;
  for (const token of missing) {
    const encoded = encoder.encode(token);
    if (encoded.length > 0) tokenStart[encoded[0]] = 1;
    tokenBytes = Math.max(tokenBytes, encoded.length);
  }
  const role = new Int32Array(width).fill(-1); // feature index of each field, or -1
  for (let f = 0; f < inputs; f++) role[features[f].at] = f;
  const numeric = Uint8Array.from(features, (f) => (f.numeric ? 1 : 0));
  const keepOf = new Int32Array(width).fill(-1);
  for (let k = 0; k < keep.length; k++) keepOf[keep[k].at] = k;
  const n = bytes.length;
  // A record has at least width - 1 commas and a line end: this bounds the rows of the block.
  const capacity = Math.floor(n / Math.max(1, width)) + 1;
  let x = scoreBlock.x;
  if (x === undefined || x.length < capacity * inputs) x = scoreBlock.x = new Float32Array(capacity * inputs);
  // Kept fields: the parsed number, or the field's byte range (start -1: missing; -2: re-encoded).
  const keptValues = keep.map((k) => (k.numeric ? new Float64Array(capacity) : null));
  const keptFrom = keep.map((k) => (k.numeric ? null : new Int32Array(capacity)));
  const keptTo = keep.map((k) => (k.numeric ? null : new Int32Array(capacity)));
  const reencoded = [];
  const slow = [];
  const fastIndex = []; // record index of each fast row
  const POW10 = [];
  for (let p = 0; p <= 22; p++) POW10.push(Number('1e' + p));
  const text = (from, to) => utf8.decode(bytes.subarray(from, to));
  // A field's text when it may be a missing token, otherwise null.
  const token = (from, to) =>
    to === from ? '' : to - from <= tokenBytes && tokenStart[bytes[from]] === 1 ? text(from, to) : null;
  // Whether the field ending at i ends the line (LF, the block's end, or CR before either).
  const lineEnd = (i) => i === n || bytes[i] === 10 || (bytes[i] === 13 && (i + 1 === n || bytes[i + 1] === 10));
  let records = 0;
  let rows = 0;
  let pos = 0;
  while (pos < n) {
    const start = pos;
    if (bytes[pos] === 10) { pos++; continue; } // blank line: not a record
    if (bytes[pos] === 13 && (pos + 1 === n || bytes[pos + 1] === 10)) { pos += 2; continue; }
    const record = records++;
    const base = rows * inputs;
    let ok = true;
    let stop = pos;
    for (let c = 0; c < width; c++) {
      const f = role[c];
      const k = keepOf[c];
      if (f >= 0 && numeric[f] === 1) {
        // Parsed while looking for the field's end (no separate search for the comma).
        let i = pos;
        const negative = i < n && bytes[i] === 45;
        if (negative) i++;
        let mantissa = 0, digits = 0, fraction = -1, exponent = 0, plain = true;
        let code = -1;
        for (; i < n; i++) { // the integer part
          code = bytes[i];
          const d = code - 48;
          if (d < 0 || d > 9) break;
          mantissa = mantissa * 10 + d;
          digits++;
        }
        if (i === n) code = -1;
        // A fraction of zeros (20000.0, common in exported files) leaves the whole part as it is.
        let whole = 0, zeros = true;
        if (code === 46 && digits > 0) {
          whole = mantissa;
          fraction = 0;
          for (i++, code = -1; i < n; i++) {
            code = bytes[i];
            const d = code - 48;
            if (d < 0 || d > 9) break;
            mantissa = mantissa * 10 + d;
            digits++;
            fraction++;
            if (d !== 0) zeros = false;
          }
          if (i === n) code = -1;
        }
        if ((code === 101 || code === 69) && digits > 0 && fraction !== 0) {
          // An exponent (1e+05, 2.5E-3): sign, then one to three digits, then the field's end.
          i++;
          let sign = 1;
          if (i < n && (bytes[i] === 43 || bytes[i] === 45)) {
            sign = bytes[i] === 45 ? -1 : 1;
            i++;
          }
          let e = 0, eDigits = 0;
          for (code = -1; i < n; i++) {
            code = bytes[i];
            if (code === 44 || code === 10 || code === 13) break;
            const ed = code - 48;
            if (ed < 0 || ed > 9 || ++eDigits > 3) { plain = false; break; }
            e = e * 10 + ed;
          }
          if (i === n) code = -1;
          if (eDigits === 0) plain = false;
          exponent = sign * e;
        }
        if (code !== 44 && code !== 10 && code !== 13 && code !== -1) plain = false;
        stop = i;
        // A CR ends the field only before the line's end; anywhere else it is part of the text.
        if (plain && stop < n && bytes[stop] === 13 && !lineEnd(stop)) plain = false;
        if (!plain) {
          while (stop < n && bytes[stop] !== 44 && bytes[stop] !== 10) stop++;
          if (stop > pos && bytes[stop - 1] === 13 && (stop === n || bytes[stop] === 10)) stop--;
        }
        if (c === width - 1 ? !lineEnd(stop) : bytes[stop] !== 44) { ok = false; break; } // wrong width
        // Clinger's fast path: a mantissa under 2^53 and a power of ten up to 1e22 are exact
        // doubles, so one multiplication or division rounds correctly, as Number(text) does.
        const scale = exponent - (fraction > 0 ? fraction : 0);
        let value;
        if (plain && digits > 0 && digits <= 15 && fraction !== 0 && scale >= -22 && scale <= 22) {
          const magnitude =
            zeros && fraction > 0 && exponent === 0 ? whole
            : scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
          value = negative ? -magnitude : magnitude;
        } else {
          const t = token(pos, stop);
          if (t !== null && missing.has(t)) value = NaN;
          else { ok = false; break; }
        }
        x[base + f] = value;
        if (k >= 0) keptValues[k][rows] = value;
      } else {
        stop = pos;
        while (stop < n && bytes[stop] !== 44 && bytes[stop] !== 10) stop++;
        if (c === width - 1) {
          if (bytes[stop] === 44) { ok = false; break; } // wrong width
          if (stop > pos && bytes[stop - 1] === 13) stop--; // the line's CR
        } else if (bytes[stop] !== 44) { ok = false; break; }
        let ascii = true;
        for (let i = pos; i < stop; i++) if (bytes[i] >= 128) { ascii = false; break; }
        const t = token(pos, stop);
        const absent = t !== null && missing.has(t);
        if (f >= 0) {
          const value = absent ? '' : ascii && stop - pos <= 64 ? String.fromCharCode.apply(null, bytes.subarray(pos, stop)) : text(pos, stop);
          x[base + f] = score.encode(f, value);
        }
        if (k >= 0) {
          let cr = false;
          for (let i = pos; i < stop; i++) if (bytes[i] === 13) { cr = true; break; }
          if (cr) { ok = false; break; } // would need quoting
          if (absent) keptFrom[k][rows] = -1;
          else if (ascii) { keptFrom[k][rows] = pos; keptTo[k][rows] = stop; }
          else { keptFrom[k][rows] = -2; keptTo[k][rows] = reencoded.length; reencoded.push(encoder.encode(text(pos, stop))); }
        }
      }
      pos = stop + 1;
    }
    if (ok) {
      fastIndex.push(record);
      rows++;
      // The next line starts after the LF (after CR LF when the last field ended at the CR).
      pos = stop < n && bytes[stop] === 13 ? stop + 2 : stop + 1;
    } else {
      let end = bytes.indexOf(10, start);
      if (end === -1) end = n;
      pos = end + 1;
      if (end > start && bytes[end - 1] === 13) end--;
      slow.push({ index: record, line: text(start, end) });
    }
  }
  const scores = score.matrix(x, rows);
  const out = formatBytes({ keep, keptValues, keptFrom, keptTo, reencoded, bytes, labels: layout.labels, version: layout.version }, scores, rows);
  if (slow.length === 0) return { records, bytes: out, slow };
  const formatted = rows === 0 ? [] : utf8.decode(out).split(String.fromCharCode(10));
  const lines = new Array(records).fill(null);
  for (let r = 0; r < rows; r++) lines[fastIndex[r]] = formatted[r];
  return { records, lines, slow };
}
// The output lines of a block's rows, as UTF-8 (formatLines's text, without building strings).
function formatBytes(block, scores, rows) {
  const { keep, keptValues, keptFrom, keptTo, reencoded, bytes } = block;
  const { probability, positive } = scores;
  const encoder = new TextEncoder();
  const suffix = [encoder.encode(',' + block.labels[0] + ',' + block.version + String.fromCharCode(10)), encoder.encode(',' + block.labels[1] + ',' + block.version + String.fromCharCode(10))];
  // Longest line: kept text as read (or re-encoded), 25 bytes per number, the suffix.
  let size = rows * (26 * (keep.length + 1) + Math.max(suffix[0].length, suffix[1].length));
  for (let k = 0; k < keep.length; k++) {
    const from = keptFrom[k];
    if (from === null) continue;
    for (let r = 0; r < rows; r++) {
      if (from[r] >= 0) size += keptTo[k][r] - from[r];
      else if (from[r] === -2) size += reencoded[keptTo[k][r]].length;
    }
  }
  const out = new Uint8Array(size);
  let at = 0;
  const digits = new Uint8Array(24);
  // String(v) for a number (NaN: empty), written as ASCII.
  const number = (v) => {
    if (v !== v) return;
    if (v === Math.trunc(v) && v < 9007199254740992 && v > -9007199254740992) {
      // An integer: its digits (String() prints integers below 2^53 the same way; -0 is "0").
      let m = v < 0 ? -v : v;
      if (v < 0) out[at++] = 45;
      let d = 0;
      do { const q = Math.floor(m / 10); digits[d++] = 48 + (m - q * 10); m = q; } while (m > 0);
      while (d > 0) out[at++] = digits[--d];
      return;
    }
    const s = String(v);
    for (let i = 0; i < s.length; i++) out[at++] = s.charCodeAt(i);
  };
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < keep.length; k++) {
      if (k > 0) out[at++] = 44;
      const values = keptValues[k];
      if (values !== null) { number(values[r]); continue; }
      const from = keptFrom[k][r];
      if (from >= 0) { const to = keptTo[k][r]; for (let i = from; i < to; i++) out[at++] = bytes[i]; }
      else if (from === -2) { const e = reencoded[keptTo[k][r]]; out.set(e, at); at += e.length; }
    }
    if (keep.length > 0) out[at++] = 44;
    const p = probability[r];
    if (p === p) { const s = String(p); for (let i = 0; i < s.length; i++) out[at++] = s.charCodeAt(i); }
    const tail = suffix[positive[r]];
    for (let i = 0; i < tail.length; i++) out[at++] = tail[i];
  }
  return out.subarray(0, at);
}`,
  Nf = new Function(`${An}
return scoreBlock;`),
  Py = Nf();
var pr = `function formatLines(format, scores, rows) {
  const { probability, label } = scores;
  const keep = format.keep;
  const suffix = [',' + format.labels[0] + ',' + format.version, ',' + format.labels[1] + ',' + format.version];
  const lines = new Array(rows);
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let k = 0; k < keep.length; k++) {
      const column = keep[k];
      let cell;
      if (column.values !== undefined) {
        const v = column.values[r];
        cell = v !== v ? '' : String(v);
      } else if (column.texts !== undefined) {
        cell = column.texts[r];
      } else {
        const code = column.codes[r];
        cell = code >= 0 && code < column.quoted.length ? column.quoted[code] : '';
      }
      line += k === 0 ? cell : ',' + cell;
    }
    const p = probability[r];
    line += (keep.length === 0 ? '' : ',') + (p !== p ? '' : String(p)) + suffix[label[r] === 1n ? 1 : 0];
    lines[r] = line;
  }
  return lines;
}
function formatRows(format, scores, rows) {
  return rows === 0 ? '' : formatLines(format, scores, rows).join('\\n') + '\\n';
}`,
  Af = new Function(`${pr}
return { formatLines, formatRows };`),
  { formatLines: to, formatRows: Dy } = Af();
function mr(t) {
  return {
    keep: t.kept.map((e) =>
      e.kind === 'numeric'
        ? { values: e.values }
        : { codes: e.codes, quoted: e.dictionary.map(Ie) },
    ),
    labels: [Ie(t.labels[0]), Ie(t.labels[1])],
    version: Ie(t.version),
  };
}
var ro = `
const { parentPort, workerData } = require('node:worker_threads');
${pr}
const ort = require(workerData.ortPath);
ort.InferenceSession.create(workerData.onnxPath, workerData.sessionOptions).then(
  (session) => {
    // Runs of at most runRows rows: onnxruntime's working memory grows with the run's size
    // (measured for a 150-tree model: about 150 MB at 65,536 rows, 55 MB at 16,384) at no gain in
    // speed.
    const runRows = workerData.runRows;
    const runSlice = async (job, from, to) => {
      const feeds = {};
      const n = to - from;
      job.names.forEach((name, i) => {
        const column = job.columns[i];
        if (column instanceof Float32Array) {
          feeds[name] = new ort.Tensor('float32', column.slice(from, to), [n]);
          return;
        }
        // Strings arrive as codes into their distinct values (see scorer.ts).
        const values = new Array(n);
        for (let r = 0; r < n; r++) values[r] = column.dictionary[column.codes[from + r]];
        feeds[name] = new ort.Tensor('string', values, [n]);
      });
      const out = await session.run(feeds);
      const probability = out.probability && out.probability.data;
      const label = out.label && out.label.data;
      if (!(probability instanceof Float32Array) || !(label instanceof BigInt64Array)) {
        throw new Error('the model did not return float32 probability and int64 label');
      }
      return { probability, label };
    };
    parentPort.on('message', async (job) => {
      try {
        const probability = new Float32Array(job.rows);
        const label = new BigInt64Array(job.rows);
        for (let from = 0; from < job.rows; from += runRows) {
          const to = Math.min(job.rows, from + runRows);
          const part = await runSlice(job, from, to);
          probability.set(part.probability, from);
          label.set(part.label, from);
        }
        const text = job.format ? formatRows(job.format, { probability, label }, job.rows) : undefined;
        parentPort.postMessage({ id: job.id, probability, label, text }, [probability.buffer, label.buffer]);
      } catch (error) {
        parentPort.postMessage({ id: job.id, error: String(error && error.message || error) });
      }
    });
    parentPort.postMessage({ ready: true });
  },
  (error) => parentPort.postMessage({ startError: String(error && error.message || error) }),
);
`,
  no = `
const { parentPort, workerData } = require('node:worker_threads');
${pr}
${An}
try {
  const score = new Function('return ' + workerData.source + ';')();
  parentPort.on('message', (job) => {
    try {
      if (job.block !== undefined) {
        const t0 = performance.now(); const block = scoreBlock(job.block.bytes, job.block.layout, score); require('fs').appendFileSync('/tmp/lead/busy.log', require('node:worker_threads').threadId + ' ' + t0.toFixed(0) + ' ' + (performance.now() - t0).toFixed(1) + '\\n');
        parentPort.postMessage({ id: job.id, block }, block.bytes === undefined ? [] : [block.bytes.buffer]);
        return;
      }
      const { probability, label } = score(job.columns, job.rows);
      const text = job.format ? formatRows(job.format, { probability, label }, job.rows) : undefined;
      parentPort.postMessage({ id: job.id, probability, label, text }, [probability.buffer, label.buffer]);
    } catch (error) {
      parentPort.postMessage({ id: job.id, error: String(error && error.message || error) });
    }
  });
  parentPort.postMessage({ ready: true });
} catch (error) {
  parentPort.postMessage({ startError: String(error && error.message || error) });
}
`;
var $f = 8192;
function gr(t) {
  return {
    where: 'main',
    engine: 'onnxruntime',
    parallelism: 1,
    run: (e) => t.run(e),
    close: () => Promise.resolve(),
  };
}
function oo() {
  let t = process.argv[1];
  if (t !== void 0)
    try {
      let e = io(t).resolve('@champion/serving');
      return io(e).resolve('onnxruntime-node');
    } catch {
      return;
    }
}
function jf(t) {
  let e = new Int32Array(t.length),
    r = new Map(),
    n = [];
  for (let i = 0; i < t.length; i++) {
    let s = t[i],
      o = r.get(s);
    (o === void 0 && ((o = n.length), r.set(s, o), n.push(s)), (e[i] = o));
  }
  return { codes: e, dictionary: n };
}
function Lf(t) {
  let e = [];
  return {
    columns: t.columns.map((n) => {
      if (!(n instanceof Float32Array)) {
        let i = jf(n);
        return (e.push(i.codes.buffer), i);
      }
      return n;
    }),
    transfer: e,
  };
}
async function If(t) {
  let { model: e } = t,
    r =
      t.engine === 'onnxruntime'
        ? new so(ro, {
            eval: !0,
            workerData: {
              ortPath: t.ortPath,
              onnxPath: qf(e.model.dir, 'model.onnx'),
              sessionOptions: gt,
              runRows: $f,
            },
          })
        : new so(no, { eval: !0, workerData: { source: t.program.source } }),
    n = new Map(),
    i = () => {},
    s = () => {},
    o = new Promise((f, h) => ((i = f), (s = h))),
    a = (f) => {
      s(f);
      for (let h of n.values()) h.fail(f);
      n.clear();
    };
  (r.on('error', (f) => a(f)),
    r.on('message', (f) => {
      if ('ready' in f) return i();
      if ('startError' in f) return a(new Error(f.startError));
      let h = n.get(f.id);
      (n.delete(f.id),
        'error' in f
          ? h?.fail(new ae('SCORING_FAILED', `scoring failed: ${f.error}`))
          : h?.done(f));
    }));
  let l = 0,
    u = (f) => {
      let h = l++;
      return new Promise((b, c) => {
        (n.set(h, {
          done: (p) => {
            let w = f.read(p);
            w === void 0 ? c(new Error('the worker sent an unexpected reply')) : b(w);
          },
          fail: c,
        }),
          r.postMessage({ id: h, ...f.message }, f.transfer ?? []));
      });
    };
  try {
    await o;
  } catch (f) {
    throw (await r.terminate(), f);
  }
  let d = e.model.features.map((f) => f.name);
  return {
    busy: () => n.size,
    run(f, h) {
      let { columns: b, transfer: c } = Lf(f);
      return u({
        message: { rows: f.rows, names: d, columns: b, format: h },
        transfer: c,
        read: (p) =>
          'probability' in p
            ? { probability: p.probability, label: p.label, text: p.text }
            : void 0,
      });
    },
    block(f, h) {
      return u({
        message: { block: { bytes: f, layout: h } },
        transfer: [f.buffer],
        read: (b) => ('block' in b ? b.block : void 0),
      });
    },
    close: () => r.terminate().then(() => {}),
  };
}
async function qn(t) {
  let { model: e, ortPath: r, program: n } = t,
    i =
      n !== void 0
        ? { engine: 'compiled', model: e, program: n }
        : r !== void 0
          ? { engine: 'onnxruntime', model: e, ortPath: r }
          : void 0;
  if (i === void 0) throw new Error('workerScorer needs an onnxruntime path or a program');
  let s = Math.max(1, t.workers ?? 1),
    o = await Promise.allSettled(Array.from({ length: s }, () => If(i))),
    a = o.flatMap((d) => (d.status === 'fulfilled' ? [d.value] : [])),
    l = o.find((d) => d.status === 'rejected');
  if (l !== void 0) throw (await Promise.all(a.map((d) => d.close())), l.reason);
  let u = () => a.reduce((d, f) => (f.busy() < d.busy() ? f : d));
  return {
    where: 'worker',
    engine: i.engine,
    parallelism: a.length,
    run(d, f) {
      return (rr(e.model.features, d), u().run(d, f));
    },
    ...(i.engine === 'compiled' ? { scoreBlock: (d, f) => u().block(d, f) } : {}),
    close: () => Promise.all(a.map((d) => d.close())).then(() => {}),
  };
}
import { createReadStream as Pf } from 'node:fs';
import { open as Cf } from 'node:fs/promises';
import { Readable as Ff } from 'node:stream';
var Df = 2 << 20;
async function ao(t, e) {
  if (/\.(parquet|pq)$/i.test(t) || e.some((n) => /[\r\n]/.test(n))) return !1;
  let r = !0;
  for await (let n of Pf(t, { highWaterMark: 4 << 20 })) {
    let i = n;
    if (r) {
      let s = i.indexOf(10);
      if (s === -1) continue;
      ((i = i.subarray(s + 1)), (r = !1));
    }
    if (i.includes(34)) return !1;
  }
  return !0;
}
function lo(t) {
  let { header: e, model: r, keep: n } = t;
  if (new Set(e).size !== e.length || vn.some((o) => /^[-+]?[\d.]+([eE][-+]?\d+)?$/.test(o)))
    return;
  let i = new Set(r.features.filter((o) => o.type === 'numeric').map((o) => o.name)),
    s = (o) => Ie(o);
  return {
    width: e.length,
    features: r.features.map((o) => ({ at: e.indexOf(o.name), numeric: i.has(o.name) })),
    keep: n.map((o) => ({ at: e.indexOf(o), numeric: i.has(o) })),
    missing: vn,
    labels: [s(r.target.negative), s(r.target.positive)],
    version: s(r.version),
  };
}
async function* Bf(t) {
  let e = await Cf(t, 'r');
  try {
    let r = new Uint8Array(0),
      n = !0;
    for (;;) {
      let i = Math.max(Df, 2 * r.length),
        s = new Uint8Array(i);
      s.set(r);
      let { bytesRead: o } = await e.read(s, r.length, i - r.length, null),
        a = r.length + o,
        l = 0;
      if (n) {
        let d = s.subarray(0, a).indexOf(10);
        if (d === -1 && o > 0) {
          r = s.slice(0, a);
          continue;
        }
        ((n = !1), (l = d === -1 ? a : d + 1));
      }
      if (o === 0) {
        a > l && (yield s.slice(l, a));
        return;
      }
      let u = s.subarray(0, a).lastIndexOf(10);
      if (u < l) {
        r = s.slice(l, a);
        continue;
      }
      ((r = s.slice(u + 1, a)), yield l === 0 ? s.subarray(0, u + 1) : s.slice(l, u + 1));
    }
  } finally {
    await e.close();
  }
}
async function Uf(t) {
  let { header: e, slow: r, firstRow: n, model: i, keep: s, score: o } = t,
    a = {
      name: t.file,
      header: e,
      batches: () => {
        let f = { fields: r.map((h) => h.line.split(',')), texts: r.map((h) => h.line) };
        return Ff.from([f]);
      },
      close: () => Promise.resolve(),
    },
    l = new Map(),
    u = [],
    d = (f) => n + (r[f - 1]?.index ?? 0);
  for await (let f of Qt(a, {
    chunkRows: r.length,
    onBadRows: 'set-aside',
    columnTypes: ur(e, i.features),
  })) {
    for (let y of f.setAside) u.push({ row: d(y.row), reason: hr(y.reasons), record: y.text });
    let h = f.table.rowCount;
    if (h === 0) continue;
    let b = cr(f.table, i.features),
      c = o(b.columns, h),
      p = mr({
        kept: s.flatMap((y) => f.table.columns.filter((S) => S.name === y)),
        labels: [i.target.negative, i.target.positive],
        version: i.version,
      }),
      w = to(p, c, h);
    for (let y = 0; y < h; y++) {
      let S = f.rowNumbers[y] ?? 0;
      l.set(r[S - 1]?.index ?? -1, w[y] ?? '');
    }
  }
  return { lines: l, rejected: u };
}
async function uo(t) {
  let { file: e, header: r, layout: n, counts: i } = t,
    s = [],
    o = 0,
    a = async (d) => {
      let f = o + 1;
      if (((o += d.records), d.bytes !== void 0)) {
        let h = d.bytes;
        (await t.time('write', () => t.writer.writeText(h)), (i.rowsScored += d.records));
      } else {
        let h = await Uf({
            file: e,
            header: r,
            slow: d.slow,
            firstRow: f,
            model: t.model,
            keep: t.keep,
            score: t.scoreRows,
          }),
          b = (d.lines ?? []).flatMap((c, p) => {
            let w = c ?? h.lines.get(p);
            return w === void 0 ? [] : [w];
          });
        if (b.length > 0) {
          let c = `${b.join(`
`)}
`;
          await t.time('write', () => t.writer.writeText(c));
        }
        ((i.rowsScored += b.length),
          (i.rowsRejected += h.rejected.length),
          h.rejected.length > 0 &&
            (await t.rejects.write(h.rejected.map((c) => ({ file: e, ...c })))));
      }
      t.onBlock();
    },
    l = (d) => t.time('inference', () => d),
    u = Bf(e);
  for (;;) {
    let d = await t.time('read', () => u.next());
    if (d.done === !0) break;
    let f = t.scoreBlock(d.value, n);
    (f.catch(() => {}), s.push(f), s.length >= t.inFlight && (await a(await l(s.shift()))));
  }
  for (let d = s.shift(); d !== void 0; d = s.shift()) await a(await l(d));
}
async function Gf(t) {
  try {
    let e = await Wf(Hf(t.model.dir, 'model.onnx'));
    return { program: zs(Bs(e)) };
  } catch (e) {
    if (e instanceof M || e instanceof RangeError)
      return { reason: `the graph cannot be compiled: ${e.message}` };
    throw e;
  }
}
async function Vf(t, e) {
  let r = await Vs({ program: e, reference: (n) => t.run(n) });
  return r.mismatches === 0
    ? void 0
    : `the compiled graph differs from onnxruntime on ${r.mismatches} of ${r.rows} verification rows (${r.example ?? ''})`;
}
async function Yf(t) {
  let { model: e, mode: r, engine: n, workers: i, log: s } = t,
    o;
  if (n !== 'onnxruntime') {
    let u = await Gf(e),
      d =
        'program' in u && r !== 'main' ? qn({ model: e, program: u.program, workers: i }) : void 0;
    d?.catch(() => {});
    let f = 'program' in u ? await Vf(e, u.program) : u.reason;
    if ('program' in u && f === void 0) {
      let { program: h } = u;
      if (d === void 0) return { scorer: ho(h), program: h };
      try {
        let b = await d;
        return (t.releaseSession === !0 && (await e.retire()), { scorer: b, program: h });
      } catch (b) {
        if (r === 'worker') throw b;
        return (
          s.warn('the scoring workers did not start; scoring on the main thread', {
            error: b instanceof Error ? b.message : String(b),
          }),
          { scorer: ho(h), program: h }
        );
      }
    }
    if (
      (await d?.then(
        (h) => h.close(),
        () => {},
      ),
      n === 'compiled')
    )
      throw new W('BAD_OPTIONS', `--engine compiled: ${f}`);
    ((o = f), s.warn('scoring with onnxruntime', { why: o }));
  }
  let a = (u) => (o === void 0 ? { scorer: u } : { scorer: u, note: o });
  if (r === 'main') return a(gr(e));
  let l = oo();
  if (l !== void 0)
    try {
      return a(await qn({ model: e, ortPath: l, workers: i }));
    } catch (u) {
      if (r === 'worker') throw u;
      return (
        s.warn('the inference worker did not start; scoring on the main thread', {
          error: u instanceof Error ? u.message : String(u),
        }),
        a(gr(e))
      );
    }
  if (r === 'worker')
    throw new W('BAD_OPTIONS', 'onnxruntime-node cannot be located for the inference worker');
  return a(gr(e));
}
function ho(t) {
  let e = vt(t);
  return {
    where: 'main',
    engine: 'compiled',
    parallelism: 1,
    run: (r) => Promise.resolve(e(r.columns, r.rows)),
    close: () => Promise.resolve(),
  };
}
var $n = class {
  totals = { read: 0, prepare: 0, inference: 0, write: 0 };
  timeSync(e, r) {
    let n = performance.now();
    try {
      return r();
    } finally {
      this.totals[e] += (performance.now() - n) / 1e3;
    }
  }
  async time(e, r) {
    let n = performance.now();
    try {
      return await r();
    } finally {
      this.totals[e] += (performance.now() - n) / 1e3;
    }
  }
};
async function Kf(t) {
  let e = performance.now(),
    { model: r } = t,
    n = r.model,
    i = t.keep ?? [],
    s = t.shard ?? { index: 0, count: 1 },
    o = t.chunkRows ?? 16384,
    a = t.logger ?? ws;
  if (!Number.isInteger(o) || o < 1)
    throw new W('BAD_OPTIONS', `--chunk-rows must be a positive integer, got ${o}`);
  Tn(t.output);
  let l = t.rejectFile ?? `${t.output}.rejects.csv`,
    u = await Ks({ input: t.input, shard: s, features: n.features, keep: i });
  a.info('batch scoring', { files: u.files.length, shard: s, model: n.version });
  let d = t.inferenceWorkers ?? Math.min(2, zf());
  if (!Number.isInteger(d) || d < 1)
    throw new W('BAD_OPTIONS', `inferenceWorkers must be a positive integer, got ${d}`);
  (await co(fo(t.output), { recursive: !0 }), await co(fo(l), { recursive: !0 }));
  let {
      scorer: f,
      note: h,
      program: b,
    } = await Yf({
      model: r,
      mode: t.inference ?? 'auto',
      engine: t.engine ?? 'auto',
      workers: d,
      log: a,
      releaseSession: t.releaseSession ?? !1,
    }),
    c = await Qs(t.output);
  await c.write(eo({ keep: i, features: n.features }));
  let p = await dr.open(l),
    w = new $n(),
    y = { rowsScored: 0, rowsRejected: 0 },
    S = () => ({
      rowsRead: y.rowsScored + y.rowsRejected,
      ...y,
      seconds: (performance.now() - e) / 1e3,
    }),
    v = Promise.resolve(),
    O = [],
    $ = async (L) => {
      let { file: B, chunk: F } = L,
        U = L.scores && (await w.time('inference', () => L.scores));
      await w.time('write', () => v);
      let G = U?.text,
        se = U && G === void 0 ? Xs({ table: F.table, keep: i, scores: U, model: n }) : void 0,
        m = F.setAside.map((x) => ({ file: B, row: x.row, reason: hr(x.reasons), record: x.text }));
      ((v = w.time('write', async () => {
        (G !== void 0 ? await c.writeText(G) : se && (await c.write(se)),
          m.length > 0 && (await p.write(m)));
      })),
        (y.rowsScored += L.rows),
        (y.rowsRejected += m.length),
        t.onProgress?.(S()));
    },
    j = async (L) => {
      let B = Js({ plan: { ...u, files: L }, features: n.features, chunkRows: o });
      try {
        let F = B.next();
        for (;;) {
          let U = await w.time('read', () => F);
          if (U.done === !0) break;
          ((F = B.next()), F.catch(() => {}));
          let { file: G, chunk: se } = U.value,
            m = await w.time('prepare', () => cr(se.table, n.features)),
            x = mr({
              kept: i.flatMap((ee) => se.table.columns.filter((E) => E.name === ee)),
              labels: [n.target.negative, n.target.positive],
              version: n.version,
            }),
            P = m.rows === 0 ? void 0 : w.timeSync('inference', () => f.run(m, x));
          (P?.catch(() => {}),
            O.push({ file: G, chunk: se, rows: m.rows, scores: P }),
            O.length >= f.parallelism && (await $(O.shift())));
        }
        for (let U = O.shift(); U !== void 0; U = O.shift()) await $(U);
        await w.time('write', () => v);
      } finally {
        await B.return(void 0).catch(() => {});
      }
    },
    T =
      f.scoreBlock !== void 0 && b !== void 0 && u.rowShard === void 0
        ? { scoreBlock: f.scoreBlock, scoreRows: vt(b) }
        : void 0,
    C = { workers: 0, main: 0 };
  try {
    for (let L of u.files) {
      let B = u.headers.get(L) ?? [],
        F = T !== void 0 && (await ao(L, B)) ? lo({ header: B, model: n, keep: i }) : void 0;
      if (T === void 0 || F === void 0) {
        (C.main++, await j([L]));
        continue;
      }
      (C.workers++,
        await uo({
          file: L,
          header: B,
          layout: F,
          model: n,
          keep: i,
          ...T,
          inFlight: 2 * f.parallelism,
          writer: c,
          rejects: p,
          counts: y,
          onBlock: () => t.onProgress?.(S()),
          time: (U, G) => w.time(U, G),
        }));
    }
  } catch (L) {
    throw (await v.catch(() => {}), await Promise.allSettled([c.close(), p.close(), f.close()]), L);
  }
  (await f.close(), await w.time('write', () => Promise.all([c.close(), p.close()])));
  let k = S();
  return {
    ...k,
    rowsPerSecond: k.seconds > 0 ? k.rowsRead / k.seconds : 0,
    files: u.files,
    output: t.output,
    rejectFile: l,
    shard: s,
    model: { name: n.name, version: n.version },
    stages: w.totals,
    inference: f.where,
    engine: f.engine,
    readers: C,
    ...(h === void 0 ? {} : { engineNote: h }),
  };
}
import { mkdtemp as Jf, rm as po } from 'node:fs/promises';
import { tmpdir as Zf } from 'node:os';
import { basename as Qf, join as mo, resolve as Xf } from 'node:path';
function go(t) {
  return t.sessionOptions ? { sessionOptions: t.sessionOptions } : {};
}
async function ed(t) {
  if (!t.model.startsWith('models:/')) {
    let n = Xf(t.model),
      i = await On(n, { name: Qf(n), version: 'local', ...go(t) });
    return { loaded: i, close: () => i.retire() };
  }
  let e = bs(t.model);
  if (t.client === void 0)
    throw new W('BAD_OPTIONS', `--model ${t.model} needs MLFLOW_TRACKING_URI`);
  let r = await Jf(mo(Zf(), 'champion-score-'));
  try {
    let n = await t.client.resolveModelUri(t.model, mo(r, 'model')),
      i = e.kind === 'logged-model' ? e.modelId : e.name,
      s = await On(n.localPath, {
        name: i,
        version: n.version?.version ?? n.modelId ?? 'unknown',
        alias: e.kind === 'alias' ? e.alias : void 0,
        modelId: n.modelId,
        runId: n.version?.run_id ?? void 0,
        ...go(t),
      });
    return {
      loaded: s,
      close: async () => {
        (await s.retire(), await po(r, { recursive: !0, force: !0 }));
      },
    };
  } catch (n) {
    throw (await po(r, { recursive: !0, force: !0 }), n);
  }
}
export {
  ya as a,
  nt as b,
  yb as c,
  ae as d,
  Xt as e,
  ws as f,
  tr as g,
  rr as h,
  nr as i,
  Es as j,
  gt as k,
  Ms as l,
  On as m,
  W as n,
  Mn as o,
  kn as p,
  df as q,
  Kf as r,
  ed as s,
};
/*! Bundled license information:

safe-buffer/index.js:
  (*! safe-buffer. MIT License. Feross Aboukhadijeh <https://feross.org/opensource> *)
*/
