<?php

/** @generate-class-entries */

/** Returns the full path of the profile being written, or false when this request is not profiled. */
function profiler_get_filename(): string|false {}

/**
 * Starts profiling now, whatever profiler.start_with_request says, and returns
 * the name of the file that will be written (the current one if already
 * profiling), or false when profiler.mode is not 'profile'.
 */
function profiler_start(): string|false {}

/**
 * Closes every open frame, writes a complete profile and returns its name,
 * or false when none was running.
 */
function profiler_stop(): string|false {}

/** Shows the profiler's mode, settings, whether this request is profiled and why, and recent log messages. */
function profiler_info(): void {}
