// Copyright 2026 The ctind Authors. SPDX-License-Identifier: Apache-2.0

#include "disclosure/suppression.h"

#include <algorithm>
#include <limits>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <utility>
#include <vector>

#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "disclosure/active_set.h"
#include "disclosure/simplex.h"

namespace ctind {
namespace internal {
namespace {

// Intervals are whole counts; this much below k still counts as k.
constexpr double kWidthTolerance = 1e-6;
// The attacker's program is first solved over the variables near each
// target (a slice of it: an interval wide there is wide in the whole), then
// over larger neighbourhoods, never over more variables than this.
constexpr size_t kNeighbourhood = 400;
constexpr size_t kLargestProgram = 1600;

// What the attacker knows of each figure, given the suppressed cells.
enum class Knowledge { kKnown, kWithheld, kLatent };

std::vector<Knowledge> KnowledgeOf(const IndicatorModel& model, const std::vector<bool>& suppressed) {
  std::vector<Knowledge> out(model.figures.size());
  for (size_t f = 0; f < model.figures.size(); ++f) {
    const Figure& fig = model.figures[f];
    if (fig.cells.empty()) {
      out[f] = fig.has_raw ? Knowledge::kKnown : Knowledge::kLatent;
      continue;
    }
    bool shown = false;
    for (int c : fig.cells) shown = shown || !suppressed[c];
    out[f] = shown ? Knowledge::kKnown : Knowledge::kWithheld;
  }
  return out;
}

// Union-find over LP variables.
class Components {
 public:
  explicit Components(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0); }
  size_t Find(size_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(size_t a, size_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<size_t> parent_;
};

}  // namespace

absl::StatusOr<std::vector<FeasibleInterval>> AttackerIntervals(const IndicatorModel& model,
                                                                const std::vector<bool>& suppressed,
                                                                const std::vector<bool>* known_wide) {
  const std::vector<Knowledge> knows = KnowledgeOf(model, suppressed);
  const double k = model.min_cell_size;
  // Variables: withheld and latent figures; constraints over them with the
  // known figures moved to the right-hand side.
  std::vector<int> variable(model.figures.size(), -1);
  std::vector<int> figure_of;
  for (size_t f = 0; f < model.figures.size(); ++f) {
    if (knows[f] == Knowledge::kKnown) continue;
    variable[f] = static_cast<int>(figure_of.size());
    figure_of.push_back(static_cast<int>(f));
  }
  struct Row {
    std::vector<std::pair<int, double>> terms;
    bool equality;
    double rhs;
  };
  std::vector<Row> rows;
  // Rows with the same left side: one equality, or the tightest bound.
  std::map<std::vector<std::pair<int, double>>, size_t> same_terms;
  Components components(figure_of.size());
  for (const FigureConstraint& c : model.constraints) {
    Row row{{}, c.equality, 0};
    for (const auto& [f, coefficient] : c.terms) {
      if (variable[f] >= 0) {
        row.terms.push_back({variable[f], coefficient});
      } else {
        row.rhs -= coefficient * model.figures[f].raw;
      }
    }
    if (row.terms.empty()) continue;
    auto [it, inserted] = same_terms.emplace(row.terms, rows.size());
    if (!inserted) {
      Row& kept = rows[it->second];
      if (kept.equality) continue;
      if (row.equality || row.rhs < kept.rhs) {
        kept.equality = row.equality;
        kept.rhs = row.rhs;
      }
      continue;
    }
    for (size_t t = 1; t < row.terms.size(); ++t) components.Join(row.terms[0].first, row.terms[t].first);
    rows.push_back(std::move(row));
  }
  // Which rows each variable is in.
  std::vector<std::vector<size_t>> rows_of(figure_of.size());
  for (size_t r = 0; r < rows.size(); ++r) {
    for (const auto& [v, coefficient] : rows[r].terms) rows_of[v].push_back(r);
  }
  // Short rows first: they couple a variable most tightly, so a
  // neighbourhood grown along them holds the partners a target moves with.
  for (std::vector<size_t>& rs : rows_of) {
    std::stable_sort(rs.begin(), rs.end(),
                     [&](size_t a, size_t b) { return rows[a].terms.size() < rows[b].terms.size(); });
  }
  std::map<size_t, std::vector<int>> members;  // component → variables
  for (size_t v = 0; v < figure_of.size(); ++v) members[components.Find(v)].push_back(static_cast<int>(v));

  // A feasible value of every variable: the raw figures, and for latent
  // ones (no cell shows them) a solution of the rows that involve them
  // with everything else at its raw value.
  std::vector<double> start(figure_of.size(), 0.0);
  std::vector<int> latent_all;
  for (size_t v = 0; v < figure_of.size(); ++v) {
    const Figure& fig = model.figures[figure_of[v]];
    if (fig.has_raw) {
      start[v] = fig.raw;
    } else {
      latent_all.push_back(static_cast<int>(v));
    }
  }
  if (!latent_all.empty()) {
    LinearProgram lp;
    std::map<int, int> local;
    for (int v : latent_all) local[v] = lp.AddVariable();
    std::set<size_t> touched;
    for (int v : latent_all) touched.insert(rows_of[v].begin(), rows_of[v].end());
    for (size_t r : touched) {
      std::vector<std::pair<int, double>> terms;
      double rhs = rows[r].rhs;
      for (const auto& [v, coefficient] : rows[r].terms) {
        auto it = local.find(v);
        if (it != local.end()) {
          terms.push_back({it->second, coefficient});
        } else {
          rhs -= coefficient * start[v];
        }
      }
      lp.AddConstraint(terms, rows[r].equality ? LinearProgram::Sense::kEqual : LinearProgram::Sense::kLessOrEqual,
                       rhs);
    }
    absl::Status status = lp.Start();
    if (!status.ok()) {
      return absl::InternalError(absl::StrCat("indicator ", Quoted(model.indicator_id),
                                              ": no value of the unshown figures fits the shown ones: ",
                                              status.message()));
    }
    const std::vector<double> values = lp.Values();
    for (int v : latent_all) start[v] = values[local[v]];
  }

  // The program over `vars` alone, every other variable fixed at its start
  // value. Its feasible set is a slice of the attacker's, so an interval at
  // least k wide in it is at least k wide for the attacker too; when
  // `vars` is the whole component it is the attacker's program itself.
  // Variable index → its position in the program being solved (-1: fixed).
  std::vector<int> position(figure_of.size(), -1);
  // low[i], high[i]: the smallest and largest value of vars[i] seen.
  struct Solved {
    std::vector<double> low, high;
    bool complete = true;  // every program ran to its end
  };
  auto solve = [&](const std::vector<int>& vars, const std::vector<int>& targets) -> absl::StatusOr<Solved> {
    for (size_t i = 0; i < vars.size(); ++i) position[vars[i]] = static_cast<int>(i);
    struct Reset {
      std::vector<int>& position;
      const std::vector<int>& vars;
      ~Reset() {
        for (int v : vars) position[v] = -1;
      }
    } reset{position, vars};
    std::set<size_t> touched;
    for (int v : vars) touched.insert(rows_of[v].begin(), rows_of[v].end());
    std::vector<ActiveSetProgram::Row> program;
    program.reserve(touched.size());
    for (size_t r : touched) {
      ActiveSetProgram::Row row;
      row.equality = rows[r].equality;
      row.rhs = rows[r].rhs;
      for (const auto& [v, coefficient] : rows[r].terms) {
        if (position[v] >= 0) {
          row.terms.push_back({position[v], coefficient});
        } else {
          row.rhs -= coefficient * start[v];
        }
      }
      program.push_back(std::move(row));
    }
    std::vector<double> x0(vars.size());
    for (size_t i = 0; i < vars.size(); ++i) x0[i] = start[vars[i]];
    // The start is one point seen. A program the solver cannot finish
    // (numerically singular, too many steps) certifies nothing more than
    // the points seen before it failed: its short targets get more cells
    // withheld, never a guarantee assumed.
    Solved out{x0, x0, true};
    auto fail = [&](const absl::Status&) -> absl::StatusOr<Solved> {
      out.complete = false;
      return out;
    };
    absl::StatusOr<ActiveSetProgram> lp =
        ActiveSetProgram::Create(static_cast<int>(vars.size()), std::move(program), x0);
    if (!lp.ok()) return fail(lp.status());
    auto look = [&]() {
      const std::vector<double>& values = lp->Values();
      for (size_t i = 0; i < vars.size(); ++i) {
        out.low[i] = std::min(out.low[i], values[i]);
        out.high[i] = std::max(out.high[i], values[i]);
      }
    };
    std::vector<int> local_targets;
    for (int v : targets) local_targets.push_back(position[v]);
    auto wide = [&](int i) { return out.high[i] - out.low[i] >= k - kWidthTolerance; };
    // Sweeps: pushing all the targets not yet known to be wide up, then
    // down, moves many of them at once; what is left is solved one by one.
    for (int sweep = 0; sweep < 2; ++sweep) {
      for (bool maximize : {true, false}) {
        std::vector<std::pair<int, double>> objective;
        for (int i : local_targets) {
          if (!wide(i)) objective.push_back({i, 1.0});
        }
        if (objective.size() < 2) break;
        absl::StatusOr<ActiveSetProgram::Optimum> o =
            lp->Optimize(objective, maximize,
                         maximize ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity());
        if (!o.ok()) return fail(o.status());
        look();
      }
    }
    for (int i : local_targets) {
      if (wide(i)) continue;
      absl::StatusOr<ActiveSetProgram::Optimum> up = lp->Optimize({{i, 1.0}}, true, out.low[i] + k);
      if (!up.ok()) return fail(up.status());
      if (up->unbounded) {
        out.high[i] = std::numeric_limits<double>::infinity();
        continue;
      }
      look();
      if (wide(i)) continue;
      absl::StatusOr<ActiveSetProgram::Optimum> down = lp->Optimize({{i, 1.0}}, false, out.high[i] - k);
      if (!down.ok()) return fail(down.status());
      look();
    }
    return out;
  };

  std::vector<FeasibleInterval> out;
  for (const auto& [root, vars] : members) {
    std::vector<int> targets;
    std::vector<int> latent;
    for (int v : vars) {
      const Knowledge kn = knows[figure_of[v]];
      if (kn == Knowledge::kLatent) latent.push_back(v);
      if (model.figures[figure_of[v]].is_protected && kn == Knowledge::kWithheld &&
          !(known_wide != nullptr && (*known_wide)[figure_of[v]])) {
        targets.push_back(v);
      }
    }
    if (targets.empty()) continue;
    std::map<int, FeasibleInterval> result;
    std::set<int> open(targets.begin(), targets.end());
    for (size_t cap : {kNeighbourhood, kLargestProgram}) {
      const bool whole = vars.size() <= cap;
      std::set<int> tried;
      for (;;) {
        int seed = -1;
        for (int v : open) {
          if (!tried.count(v)) {
            seed = v;
            break;
          }
        }
        if (seed < 0) break;
        tried.insert(seed);
        // The variables nearest the target (breadth first over rows), and
        // every latent one.
        std::vector<int> near;
        if (whole) {
          near = vars;
        } else {
          std::set<int> in(latent.begin(), latent.end());
          near = latent;
          std::vector<int> frontier = {seed};
          if (in.insert(seed).second) near.push_back(seed);
          while (!frontier.empty() && near.size() < cap) {
            std::vector<int> next;
            for (int v : frontier) {
              for (size_t r : rows_of[v]) {
                for (const auto& [w, coefficient] : rows[r].terms) {
                  if (near.size() >= cap) break;
                  if (in.insert(w).second) {
                    near.push_back(w);
                    next.push_back(w);
                  }
                }
              }
            }
            frontier.swap(next);
          }
        }
        std::vector<int> near_targets;
        for (int v : near) {
          if (open.count(v)) near_targets.push_back(v);
        }
        absl::StatusOr<Solved> solved = solve(near, near_targets);
        if (!solved.ok()) return solved.status();
        std::map<int, size_t> index_in_near;
        for (size_t i = 0; i < near.size(); ++i) index_in_near[near[i]] = i;
        for (int v : near_targets) {
          FeasibleInterval& i = result[v];
          i.figure = figure_of[v];
          i.low = solved->low[index_in_near.at(v)];
          i.high = solved->high[index_in_near.at(v)];
          i.unbounded = std::isinf(i.high);
          const bool wide = i.unbounded || i.high - i.low >= k - kWidthTolerance;
          // Short in the attacker's whole program: its exact interval.
          i.exact = whole && !wide && solved->complete;
          if (wide || whole) open.erase(v);
        }
      }
      if (whole) break;
    }
    // What no program within the size limit could widen counts as short:
    // more cells are withheld rather than the guarantee assumed.
    for (int v : open) {
      FeasibleInterval& i = result[v];
      i.figure = figure_of[v];
    }
    for (const auto& [v, i] : result) out.push_back(i);
  }
  std::sort(out.begin(), out.end(),
            [](const FeasibleInterval& a, const FeasibleInterval& b) { return a.figure < b.figure; });
  return out;
}

namespace {

class Suppressor {
 public:
  explicit Suppressor(const IndicatorModel& model)
      : model_(model),
        k_(model.min_cell_size),
        reason_(model.cell_figures.size(), v1::NOT_SUPPRESSED),
        wide_(model.figures.size(), false) {
    groups_of_.resize(model.figures.size());
    for (size_t g = 0; g < model.groups.size(); ++g) {
      const FigureGroup& group = model.groups[g];
      groups_of_[group.margin].push_back(g);
      for (int m : group.inside) groups_of_[m].push_back(g);
      for (int m : group.partial) groups_of_[m].push_back(g);
    }
    constraints_of_.resize(model.figures.size());
    for (size_t c = 0; c < model.constraints.size(); ++c) {
      for (const auto& [f, coefficient] : model.constraints[c].terms) {
        std::vector<int>& of = constraints_of_[static_cast<size_t>(f)];
        if (of.empty() || of.back() != static_cast<int>(c)) of.push_back(static_cast<int>(c));
      }
    }
  }

  absl::StatusOr<std::vector<v1::SuppressionReason>> Run() {
    Primary();
    Propagate();
    const size_t cells = reason_.size();
    for (size_t round = 0; round <= cells; ++round) {
      Complete();
      absl::StatusOr<std::vector<FeasibleInterval>> intervals = AttackerIntervals(model_, Suppressed(), &wide_);
      if (!intervals.ok()) return intervals.status();
      std::vector<int> narrow;
      for (const FeasibleInterval& i : *intervals) {
        if (!i.unbounded && i.high - i.low < k_ - kWidthTolerance) {
          narrow.push_back(i.figure);
        } else {
          wide_[i.figure] = true;
        }
      }
      if (narrow.empty()) return reason_;
      bool added = false;
      for (int f : narrow) {
        // An earlier fix in this round may already have widened it; one
        // more cell does no harm.
        const int fix = FixFor(f);
        if (fix >= 0 && !Withheld(fix)) {
          Withhold(fix, v1::COMPLEMENTARY);
          added = true;
        }
      }
      if (!added) {
        // No figure related to the narrow ones, however far, is left:
        // withhold every cell of the indicator (an attacker then knows
        // nothing of it).
        for (size_t c = 0; c < cells; ++c) {
          if (reason_[c] == v1::NOT_SUPPRESSED) reason_[c] = v1::COMPLEMENTARY;
        }
        return reason_;
      }
      Propagate();
    }
    return reason_;
  }

 private:
  std::vector<bool> Suppressed() const {
    std::vector<bool> out(reason_.size());
    for (size_t c = 0; c < reason_.size(); ++c) out[c] = reason_[c] != v1::NOT_SUPPRESSED;
    return out;
  }

  bool Withheld(int f) const {
    const Figure& fig = model_.figures[f];
    if (fig.cells.empty()) return !fig.has_raw;
    for (int c : fig.cells) {
      if (reason_[c] == v1::NOT_SUPPRESSED) return false;
    }
    return true;
  }

  // The cells of a figure that can still be withheld.
  bool Withholdable(int f) const {
    const Figure& fig = model_.figures[f];
    return fig.is_protected && !fig.cells.empty() && !Withheld(f);
  }

  // Withholds the first cell showing `f` for `reason`; Propagate then
  // withholds its other cells as derived.
  void Withhold(int f, v1::SuppressionReason reason) {
    for (int c : model_.figures[f].cells) {
      if (reason_[c] == v1::NOT_SUPPRESSED) {
        reason_[c] = reason;
        pending_.push_back(c);
        return;
      }
    }
  }

  void Primary() {
    if (k_ <= 1) return;
    for (size_t c = 0; c < reason_.size(); ++c) {
      for (int f : model_.cell_figures[c]) {
        const Figure& fig = model_.figures[f];
        if (fig.decides && fig.has_raw && fig.raw >= 1 && fig.raw <= k_ - 1) {
          reason_[c] = v1::PRIMARY;
          pending_.push_back(static_cast<int>(c));
        }
      }
    }
  }

  // Derived: a figure withheld in one cell is withheld in every cell
  // showing it.
  void Propagate() {
    while (!pending_.empty()) {
      const int c = pending_.back();
      pending_.pop_back();
      for (int f : model_.cell_figures[c]) {
        if (!model_.figures[f].is_protected) continue;
        for (int other : model_.figures[f].cells) {
          if (reason_[other] == v1::NOT_SUPPRESSED) {
            reason_[other] = v1::DERIVED;
            pending_.push_back(other);
          }
        }
      }
    }
  }

  // The best figure to withhold next among `candidates` (members first):
  // the smallest holding at least `deficit`, else the largest non-zero,
  // else a margin, else a zero.
  int Choose(const std::vector<int>& members, const std::vector<int>& margins, double deficit) const {
    int best = -1;
    auto better = [&](int f, int than) {
      if (than < 0) return true;
      const double a = model_.figures[f].raw, b = model_.figures[than].raw;
      const bool a_enough = a >= deficit, b_enough = b >= deficit;
      if (a_enough != b_enough) return a_enough;
      if (a_enough) return a < b || (a == b && f < than);
      return a > b || (a == b && f < than);
    };
    for (int f : members) {
      if (Withholdable(f) && model_.figures[f].raw > 0 && better(f, best)) best = f;
    }
    if (best >= 0) return best;
    for (int f : margins) {
      if (Withholdable(f)) return f;
    }
    for (int f : members) {
      if (Withholdable(f)) return f;
    }
    return -1;
  }

  // The fast pass: in every equation with withheld figures, at least two of
  // them, holding at least k between them when the margin is published.
  void Complete() {
    bool changed = true;
    while (changed) {
      changed = false;
      for (const FigureGroup& g : model_.groups) {
        if (!g.equal || !model_.figures[g.margin].is_protected) continue;
        const std::vector<int>& members = g.inside;
        int withheld = Withheld(g.margin) ? 1 : 0;
        double mass = 0;
        bool known_mass = true;
        for (int m : members) {
          if (!Withheld(m)) continue;
          ++withheld;
          known_mass = known_mass && model_.figures[m].has_raw;
          mass += model_.figures[m].raw;
        }
        if (withheld == 0) continue;
        double deficit = 0;
        if (withheld == 1) {
          deficit = k_;
        } else if (!Withheld(g.margin) && known_mass && mass < k_) {
          deficit = k_ - mass;
        } else {
          continue;
        }
        const int fix = Choose(members, {g.margin}, deficit);
        if (fix < 0) continue;
        Withhold(fix, v1::COMPLEMENTARY);
        Propagate();
        changed = true;
      }
    }
  }

  // One more figure to withhold for narrow figure `f`: from the relations
  // it takes part in; when every figure of those is withheld already (the
  // attacker reaches `f` through a chain of relations), from the relations
  // of the nearest figures along those chains, breadth first. -1 when no
  // figure related to `f`, however far, can be withheld.
  int FixFor(int f) const {
    const int direct = DirectFixFor(f);
    if (direct >= 0) return direct;
    std::vector<bool> seen(model_.figures.size(), false);
    std::vector<int> queue = {f};
    seen[static_cast<size_t>(f)] = true;
    for (size_t next = 0; next < queue.size(); ++next) {
      const int g = queue[next];
      if (g != f) {
        const int fix = DirectFixFor(g);
        if (fix >= 0) return fix;
      }
      auto visit = [&](int h) {
        if (!seen[static_cast<size_t>(h)]) {
          seen[static_cast<size_t>(h)] = true;
          queue.push_back(h);
        }
      };
      for (size_t group : groups_of_[g]) {
        const FigureGroup& relation = model_.groups[group];
        visit(relation.margin);
        for (int m : relation.inside) visit(m);
        for (int m : relation.partial) visit(m);
      }
      for (int c : constraints_of_[g]) {
        for (const auto& [h, coefficient] : model_.constraints[c].terms) visit(h);
      }
    }
    return -1;
  }

  // A figure to withhold from the relations `f` itself takes part in.
  int DirectFixFor(int f) const {
    std::vector<int> members, margins;
    for (size_t g : groups_of_[f]) {
      const FigureGroup& group = model_.groups[g];
      if (group.margin == f) {
        members.insert(members.end(), group.inside.begin(), group.inside.end());
        members.insert(members.end(), group.partial.begin(), group.partial.end());
      } else {
        margins.push_back(group.margin);
        members.insert(members.end(), group.inside.begin(), group.inside.end());
        members.insert(members.end(), group.partial.begin(), group.partial.end());
      }
    }
    std::sort(members.begin(), members.end());
    members.erase(std::unique(members.begin(), members.end()), members.end());
    std::sort(margins.begin(), margins.end());
    margins.erase(std::unique(margins.begin(), margins.end()), margins.end());
    int fix = Choose(members, margins, k_);
    if (fix >= 0) return fix;
    // Relations between figures of one cell reach the other kinds.
    for (int c : constraints_of_[f]) {
      for (const auto& [g, coefficient] : model_.constraints[c].terms) {
        if (g != f && Withholdable(g)) return g;
      }
    }
    return -1;
  }

  const IndicatorModel& model_;
  const int k_;
  std::vector<v1::SuppressionReason> reason_;
  std::vector<int> pending_;
  std::vector<std::vector<size_t>> groups_of_;
  // For each figure, the constraints it has a term in.
  std::vector<std::vector<int>> constraints_of_;
  // Figures an audit found at least k wide: they stay so.
  std::vector<bool> wide_;
};

}  // namespace

absl::StatusOr<std::vector<v1::SuppressionReason>> ChooseSuppressions(const IndicatorModel& model) {
  return Suppressor(model).Run();
}

}  // namespace internal
}  // namespace ctind
