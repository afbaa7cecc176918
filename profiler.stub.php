<?php

/** @generate-class-entries */

/** Returns the full path of the profile being written, or false when this request is not profiled. */
function profiler_get_filename(): string|false {}

/** Shows the profiler's mode, settings, whether this request is profiled and why, and recent log messages. */
function profiler_info(): void {}
