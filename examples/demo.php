<?php
/*
 * A small shop report, used by scripts/demo.sh to show what a profile looks
 * like. It has the usual shapes of real PHP code: classes with static and
 * instance methods, an interface, closures and arrow functions, recursion,
 * callbacks from array functions, and string formatting.
 *
 *   php examples/demo.php            # runs without the profiler too
 */

declare(strict_types=1);

namespace Demo;

final class Product
{
    public function __construct(
        public readonly string $sku,
        public readonly string $category,
        public readonly int $priceCents,
    ) {
    }

    public static function random(int $i): self
    {
        $categories = ['books/fiction', 'books/science', 'music/jazz', 'music/rock', 'games/board', 'games/cards'];
        return new self(
            sprintf('SKU-%05d', $i),
            $categories[mt_rand(0, count($categories) - 1)],
            mt_rand(199, 9999),
        );
    }
}

interface PriceRule
{
    public function apply(array $lines, int $totalCents): int;
}

final class PercentOff implements PriceRule
{
    public function __construct(private string $categoryPrefix, private int $percent)
    {
    }

    public function apply(array $lines, int $totalCents): int
    {
        $matching = array_filter($lines, fn(array $l) => str_starts_with($l['product']->category, $this->categoryPrefix));
        $base = array_sum(array_map(fn(array $l) => $l['product']->priceCents * $l['qty'], $matching));
        return $totalCents - intdiv($base * $this->percent, 100);
    }
}

final class ThreeForTwo implements PriceRule
{
    public function apply(array $lines, int $totalCents): int
    {
        foreach ($lines as $line) {
            $totalCents -= intdiv($line['qty'], 3) * $line['product']->priceCents;
        }
        return $totalCents;
    }
}

final class Order
{
    /** @var list<array{product: Product, qty: int}> */
    private array $lines = [];

    public function __construct(public readonly int $id)
    {
    }

    public function add(Product $product, int $qty): void
    {
        $this->lines[] = ['product' => $product, 'qty' => $qty];
    }

    /** @param list<PriceRule> $rules */
    public function total(array $rules): int
    {
        $gross = array_reduce($this->lines, static fn(int $sum, array $l) => $sum + $l['product']->priceCents * $l['qty'], 0);
        foreach ($rules as $rule) {
            $gross = $rule->apply($this->lines, $gross);
        }
        return max(0, $gross);
    }
}

/** Sums totals per category path, recursing into "books/fiction" style paths. */
function addToTree(array &$tree, array $path, int $cents): void
{
    $head = array_shift($path);
    $tree[$head] ??= ['cents' => 0, 'children' => []];
    $tree[$head]['cents'] += $cents;
    if ($path) {
        addToTree($tree[$head]['children'], $path, $cents);
    }
}

function renderTree(array $tree, int $depth = 0): string
{
    uasort($tree, fn(array $a, array $b) => $b['cents'] <=> $a['cents']);
    $out = '';
    foreach ($tree as $name => $node) {
        $out .= str_repeat('  ', $depth) . str_pad($name, 14 - 2 * $depth) . money($node['cents']) . "\n";
        $out .= renderTree($node['children'], $depth + 1);
    }
    return $out;
}

/** A plain recursive merge sort, so the profile has real recursion in it. */
function mergeSort(array $items, callable $cmp): array
{
    if (count($items) <= 1) {
        return $items;
    }
    $half = intdiv(count($items), 2);
    $left = mergeSort(array_slice($items, 0, $half), $cmp);
    $right = mergeSort(array_slice($items, $half), $cmp);
    $merged = [];
    while ($left && $right) {
        $merged[] = $cmp($left[0], $right[0]) <= 0 ? array_shift($left) : array_shift($right);
    }
    return array_merge($merged, $left, $right);
}

function money(int $cents): string
{
    return str_pad(number_format($cents / 100, 2), 12, ' ', STR_PAD_LEFT);
}

mt_srand(42);
$catalog = array_map([Product::class, 'random'], range(1, 2000));
$rules = [new PercentOff('books/', 10), new ThreeForTwo(), new PercentOff('games/board', 5)];

$orders = [];
for ($id = 1; $id <= 3000; $id++) {
    $order = new Order($id);
    for ($n = mt_rand(1, 8); $n > 0; $n--) {
        $order->add($catalog[mt_rand(0, count($catalog) - 1)], mt_rand(1, 4));
    }
    $orders[] = $order;
}

$totals = [];
foreach ($orders as $order) {
    $totals[$order->id] = $order->total($rules);
}

$tree = [];
foreach ($catalog as $product) {
    addToTree($tree, explode('/', $product->category), $product->priceCents);
}

$ranked = mergeSort(array_keys($totals), fn(int $a, int $b) => $totals[$b] <=> $totals[$a]);

echo "Catalogue value by category:\n", renderTree($tree), "\n";
echo "Top orders:\n";
foreach (array_slice($ranked, 0, 5) as $id) {
    echo sprintf("  order %4d %s\n", $id, money($totals[$id]));
}
echo sprintf("%d orders, %s in all\n", count($totals), trim(money(array_sum($totals))));
