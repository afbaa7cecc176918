<?php
/*
 * twig.php: template-rendering workload using Debian's php-twig.
 *
 * Renders a report page (layout inheritance, include, macros, loops,
 * conditionals, filters, HTML autoescaping) over a few thousand rows,
 * several times. Templates come from an ArrayLoader and there is no
 * compilation cache, so every run compiles the same templates once and
 * the output is deterministic.
 *
 * Usage: php twig.php [reps]   (default reps ~0.3-1 s on plain PHP)
 * Prints an output digest so variants can be compared.
 */
declare(strict_types=1);

$autoload = getenv('BENCH_TWIG_AUTOLOAD') ?: '/usr/share/php/Twig/autoload.php';
require $autoload;

$templates = [
    'layout.twig' => <<<'TWIG'
<!DOCTYPE html>
<html>
<head><title>{% block title %}Report{% endblock %}</title></head>
<body>
{% block header %}<h1>{{ title|title }}</h1>{% endblock %}
{% block content %}{% endblock %}
<footer>{{ footer|default('generated')|upper }}</footer>
</body>
</html>
TWIG,
    'macros.twig' => <<<'TWIG'
{% macro money(amount, currency) %}{{ amount|number_format(2, '.', ',') }} {{ currency|upper }}{% endmacro %}
{% macro badge(status) %}{% if status == 'paid' %}<span class="ok">{{ status|capitalize }}</span>{% elseif status == 'late' %}<span class="warn">{{ status|capitalize }}</span>{% else %}<span>{{ status|e }}</span>{% endif %}{% endmacro %}
{% macro tags(list) %}{% for t in list %}<i>{{ t|lower|e }}</i>{% if not loop.last %}, {% endif %}{% endfor %}{% endmacro %}
TWIG,
    'row.twig' => <<<'TWIG'
{% import 'macros.twig' as m %}
<tr class="{{ cycle(['odd', 'even'], index) }}">
  <td>{{ row.id }}</td>
  <td>{{ row.name|title }}</td>
  <td>{{ row.email|lower }}</td>
  <td>{{ m.money(row.amount, row.currency) }}</td>
  <td>{{ m.badge(row.status) }}</td>
  <td>{{ m.tags(row.tags) }}</td>
  <td>{{ row.note|striptags|slice(0, 24)|trim }}{% if row.note|length > 24 %}&hellip;{% endif %}</td>
</tr>
TWIG,
    'page.twig' => <<<'TWIG'
{% extends 'layout.twig' %}
{% block title %}{{ title }} ({{ rows|length }}){% endblock %}
{% block content %}
{% import 'macros.twig' as m %}
<table>
{% for row in rows %}
{% include 'row.twig' with {row: row, index: loop.index0} only %}
{% endfor %}
</table>
{% set paid = rows|filter(r => r.status == 'paid') %}
<p>Paid: {{ paid|length }} / {{ rows|length }},
   total {{ m.money(rows|map(r => r.amount)|reduce((c, v) => c + v, 0), 'eur') }}</p>
<ul>
{% for status, group in groups %}
  <li>{{ status|capitalize }}: {{ group|length }} ({{ group|slice(0, 3)|join(', ') }})</li>
{% endfor %}
</ul>
{% endblock %}
TWIG,
];

// Deterministic data set.
$statuses = ['paid', 'open', 'late', 'void'];
$first = ['ada', 'grace', 'alan', 'edsger', 'barbara', 'donald', 'ken', 'dennis'];
$last = ['lovelace', 'hopper', 'turing', 'dijkstra', 'liskov', 'knuth', 'thompson', 'ritchie'];
$rows = [];
$groups = [];
$nRows = 2000;
for ($i = 0; $i < $nRows; $i++) {
    $name = $first[$i % 8] . ' ' . $last[($i * 3) % 8];
    $status = $statuses[($i * 7) % 4];
    $rows[] = [
        'id' => $i + 1,
        'name' => $name,
        'email' => strtoupper(str_replace(' ', '.', $name)) . '@Example.ORG',
        'amount' => (($i * 7919) % 100000) / 100,
        'currency' => $i % 3 === 0 ? 'usd' : 'eur',
        'status' => $status,
        'tags' => array_slice(['Alpha', 'Beta', 'Gamma', 'Delta'], 0, 1 + $i % 4),
        'note' => '<b>Note</b> for row ' . $i . ' & friends, with <i>markup</i> to strip',
    ];
    $groups[$status][] = $i + 1;
}

$twig = new \Twig\Environment(new \Twig\Loader\ArrayLoader($templates), [
    'cache' => false,
    'autoescape' => 'html',
    'strict_variables' => true,
    'debug' => false,
]);

$reps = max(1, (int) ($argv[1] ?? 16));
$digest = '';
$bytes = 0;
for ($r = 0; $r < $reps; $r++) {
    $html = $twig->render('page.twig', [
        'title' => 'invoice report ' . $r,
        'rows' => $rows,
        'groups' => $groups,
        'footer' => null,
    ]);
    $bytes += strlen($html);
    $digest = md5($digest . $html);
}
printf("twig reps=%d rows=%d bytes=%d digest=%s\n", $reps, $nRows, $bytes, $digest);
