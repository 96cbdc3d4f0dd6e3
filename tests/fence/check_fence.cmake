# Builds each fence case (a file that crosses the module fence) and requires that it fails because the forbidden
# header is not found; then builds the control case, which must compile. Run by CTest as a script.
function(build_case name result output)
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target fence_${name}
                  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  set(${result} ${rc} PARENT_SCOPE)
  set(${output} "${out}${err}" PARENT_SCOPE)
endfunction()

foreach(case ${CASES})
  build_case(${case} rc out)
  if(rc EQUAL 0)
    message(FATAL_ERROR "fence_${case} compiled: the module fence is open")
  endif()
  if(NOT out MATCHES "No such file or directory|file not found")
    message(FATAL_ERROR "fence_${case} failed, but not for a missing header:\n${out}")
  endif()
  message(STATUS "fence holds: ${case}")
endforeach()
build_case(core_includes_core rc out)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the control case failed to compile, so the fence check proves nothing:\n${out}")
endif()
message(STATUS "control compiles: core_includes_core")
