package org.palflow.platform.process;

import java.util.List;

/** Implemented by each feature that runs a process: the open cases it holds and where each stands. */
public interface OpenCases {

    List<ResumePoint> resumePoints();
}
