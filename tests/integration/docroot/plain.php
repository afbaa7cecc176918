<?php
echo "plain\n";
$file = profiler_get_filename();
echo 'profile=', $file === false ? 'false' : $file, "\n";
